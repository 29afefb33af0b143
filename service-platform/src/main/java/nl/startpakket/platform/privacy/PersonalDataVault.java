package nl.startpakket.platform.privacy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import javax.crypto.SecretKey;
import nl.startpakket.events.SealedData;
import org.bson.Document;

/**
 * The key vault of a service: one document per subject (a referral) in {@code personal_data_keys}
 * with its data keys, each stored encrypted ("wrapped") with the service's master key, which comes
 * from the environment, never from the database. Erasing a subject deletes its keys and keeps an
 * erased marker, so no key is ever created or imported for it again: every value sealed with
 * those keys, wherever it was copied (event store, snapshots, read models, Kafka), stays
 * unreadable.
 */
public class PersonalDataVault {

    public static final String COLLECTION = "personal_data_keys";
    private static final int ATTEMPTS = 5;

    private final MongoCollection<Document> keys;
    private final SecretKey masterKey;
    private final Clock clock;

    public PersonalDataVault(MongoDatabase database, SecretKey masterKey, Clock clock) {
        this.keys = database.getCollection(COLLECTION);
        this.masterKey = masterKey;
        this.clock = clock;
    }

    /** The subject's key with this id, created now if it has none. Refused once the subject was erased. */
    public SecretKey createKey(String subject, String keyId) {
        SecretKey fresh = PersonalDataCipher.newKey();
        if (add(subject, keyId, fresh)) {
            return fresh;
        }
        return key(subject, keyId).orElseThrow(() -> new PersonalDataErasedException(subject));
    }

    /**
     * Stores a key received from another service (idempotent). False when the subject was erased
     * (the key is not stored) or a key with this id is already there.
     */
    public boolean importKey(String subject, String keyId, SecretKey key) {
        return add(subject, keyId, key);
    }

    /** The key, unless unknown or erased. */
    public Optional<SecretKey> key(String subject, String keyId) {
        Document doc = keys.find(Filters.eq("_id", subject)).first();
        if (doc == null || doc.get("erasedAt") != null) {
            return Optional.empty();
        }
        return entries(doc).stream().filter(e -> keyId.equals(e.getString("keyId"))).findFirst()
                .map(e -> unwrap(subject, keyId, e));
    }

    /** When the subject's personal data was erased, if it was. */
    public Optional<Instant> erasedAt(String subject) {
        Document doc = keys.find(Filters.eq("_id", subject)).first();
        return doc == null || doc.getDate("erasedAt") == null ? Optional.empty() : Optional.of(doc.getDate("erasedAt").toInstant());
    }

    public boolean isErased(String subject) {
        return erasedAt(subject).isPresent();
    }

    /** Deletes every key of the subject, keeping only the erased marker. True when something was erased now. */
    public boolean erase(String subject) {
        Document doc = keys.find(Filters.eq("_id", subject)).first();
        if (doc != null && doc.get("erasedAt") != null) {
            return false;
        }
        keys.replaceOne(Filters.eq("_id", subject), new Document("_id", subject).append("erasedAt", Date.from(clock.instant())),
                new ReplaceOptions().upsert(true));
        return true;
    }

    private boolean add(String subject, String keyId, SecretKey key) {
        Document entry = wrap(subject, keyId, key);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Document doc = keys.find(Filters.eq("_id", subject)).first();
            if (doc == null) {
                try {
                    keys.insertOne(new Document("_id", subject).append("version", 1L).append("keys", List.of(entry))
                            .append("createdAt", Date.from(clock.instant())));
                    return true;
                } catch (MongoWriteException e) {
                    if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    continue;
                }
            }
            if (doc.get("erasedAt") != null) {
                return false;
            }
            if (entries(doc).stream().anyMatch(e -> keyId.equals(e.getString("keyId")))) {
                return false;
            }
            long version = doc.get("version") instanceof Number n ? n.longValue() : 0L;
            long modified = keys.updateOne(Filters.and(Filters.eq("_id", subject), Filters.eq("version", version)),
                    Updates.combine(Updates.push("keys", entry), Updates.set("version", version + 1))).getModifiedCount();
            if (modified == 1) {
                return true;
            }
        }
        throw new IllegalStateException("Could not store a key for " + subject);
    }

    private Document wrap(String subject, String keyId, SecretKey key) {
        SealedData wrapped = PersonalDataCipher.seal(masterKey, "master", key.getEncoded(), aad(subject, keyId));
        return new Document("keyId", keyId).append("nonce", wrapped.nonce()).append("wrappedKey", wrapped.ciphertext());
    }

    private SecretKey unwrap(String subject, String keyId, Document entry) {
        SealedData wrapped = new SealedData(SealedData.AES_256_GCM, "master", entry.getString("nonce"), entry.getString("wrappedKey"));
        return PersonalDataCipher.key(PersonalDataCipher.open(wrapped, masterKey, aad(subject, keyId)));
    }

    private static List<Document> entries(Document doc) {
        List<Document> entries = new ArrayList<>();
        Object list = doc.get("keys");
        if (list instanceof List<?> items) {
            items.forEach(item -> {
                if (item instanceof Document d) {
                    entries.add(d);
                }
            });
        }
        return entries;
    }

    private static String aad(String subject, String keyId) {
        return subject + "|" + keyId;
    }

    /** The subject's personal data was erased: no key can be made for it any more. */
    public static class PersonalDataErasedException extends RuntimeException {
        public PersonalDataErasedException(String subject) {
            super("The personal data of " + subject + " was erased");
        }
    }
}
