package nl.startpakket.referral.web;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key}s per partner in the collection {@code idempotency_keys}: the key, a hash
 * of the request it came with and the referral it made. Recording is an insert on a unique id,
 * so of two concurrent retries only one submits.
 */
@Component
public class IdempotencyKeys {

    static final String COLLECTION = "idempotency_keys";

    /** What a key was first used for. */
    public record Use(String referralId, String requestHash) {
    }

    private final MongoCollection<Document> keys;
    private final Clock clock;

    public IdempotencyKeys(MongoTemplate mongo, Clock clock) {
        this.keys = mongo.getCollection(COLLECTION);
        this.clock = clock;
    }

    /** Records the first use of the key; when it was used before, answers that earlier use instead. */
    public Optional<Use> recordFirstUse(String partnerId, String key, String requestHash, String referralId) {
        try {
            keys.insertOne(new Document("_id", id(partnerId, key))
                    .append("partnerId", partnerId)
                    .append("requestHash", requestHash)
                    .append("referralId", referralId)
                    .append("createdAt", Date.from(clock.instant())));
            return Optional.empty();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document earlier = keys.find(Filters.eq("_id", id(partnerId, key))).first();
        if (earlier == null) {
            throw new IllegalStateException("Idempotency key vanished while it was being used");
        }
        return Optional.of(new Use(earlier.getString("referralId"), earlier.getString("requestHash")));
    }

    /** Forgets a key whose request did not make a referral, so the client can retry it. */
    public void forget(String partnerId, String key) {
        keys.deleteOne(Filters.eq("_id", id(partnerId, key)));
    }

    private static String id(String partnerId, String key) {
        return partnerId + "\n" + key;
    }
}
