package nl.startpakket.identity.token;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;

/**
 * The provider's signing key: made once, on the first start, and kept in this service's
 * database, so tokens stay valid across restarts and every instance signs with the same key.
 * Two instances starting at once agree on the first key written.
 */
public final class SigningKeys {

    static final String COLLECTION = "signing_keys";
    static final String CURRENT = "current";

    private SigningKeys() {
    }

    public static JWKSet load(MongoDatabase database, Clock clock) {
        MongoCollection<Document> keys = database.getCollection(COLLECTION);
        Document stored = keys.find(Filters.eq("_id", CURRENT)).first();
        if (stored == null) {
            RSAKey generated = generate(clock);
            try {
                keys.insertOne(new Document("_id", CURRENT).append("jwk", generated.toJSONString())
                        .append("createdAt", Date.from(clock.instant())));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            stored = keys.find(Filters.eq("_id", CURRENT)).first();
        }
        try {
            return new JWKSet(RSAKey.parse(stored.getString("jwk")));
        } catch (ParseException e) {
            throw new IllegalStateException("The stored signing key cannot be read; remove it from " + COLLECTION
                    + " to make a new one (tokens issued with it stop working)", e);
        }
    }

    private static RSAKey generate(Clock clock) {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString())
                    .issueTime(Date.from(clock.instant())).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot make a signing key", e);
        }
    }
}
