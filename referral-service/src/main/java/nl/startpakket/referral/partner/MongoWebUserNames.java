package nl.startpakket.referral.partner;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import nl.startpakket.referral.command.partner.WebUserNames;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Web form user names in {@code partner_user_names}, the name as the document id: of two
 * partners claiming one name only one insert succeeds.
 */
@Component
public class MongoWebUserNames implements WebUserNames {

    static final String COLLECTION = "partner_user_names";
    private static final int ATTEMPTS = 5;

    private final MongoCollection<Document> names;
    private final Clock clock;

    public MongoWebUserNames(MongoTemplate mongo, Clock clock) {
        this.names = mongo.getCollection(COLLECTION);
        this.clock = clock;
    }

    @Override
    public Optional<String> claim(String username, String partnerId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                names.insertOne(new Document("_id", username).append("partnerId", partnerId)
                        .append("claimedAt", Date.from(clock.instant())));
                return Optional.empty();
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document holder = names.find(Filters.eq("_id", username)).first();
            if (holder != null) {
                String holderId = holder.getString("partnerId");
                return partnerId.equals(holderId) ? Optional.empty() : Optional.of(holderId);
            }
            // released between our insert and our read: try again
        }
        throw new IllegalStateException("Could not claim user name " + username + " for " + partnerId);
    }

    @Override
    public void release(String username, String partnerId) {
        names.deleteOne(Filters.and(Filters.eq("_id", username), Filters.eq("partnerId", partnerId)));
    }
}
