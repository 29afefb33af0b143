package nl.startpakket.referral.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import nl.startpakket.events.Phase;
import nl.startpakket.referral.api.ReferralStatus;
import nl.startpakket.referral.command.HouseholdRegistry;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Household claims in the collection {@code household_claims} with a unique index on household
 * key and phase: of two concurrent referrals for one household only one insert succeeds.
 */
@Component
public class MongoHouseholdRegistry implements HouseholdRegistry {

    static final String COLLECTION = "household_claims";
    private static final int ATTEMPTS = 5;

    private final MongoCollection<Document> claims;
    private final ReferralViewProjection views;
    private final Clock clock;

    public MongoHouseholdRegistry(MongoTemplate mongo, ReferralViewProjection views, Clock clock) {
        this.claims = mongo.getCollection(COLLECTION);
        this.views = views;
        this.clock = clock;
        claims.createIndex(Indexes.ascending("householdKey", "phase"), new IndexOptions().unique(true).name("household_phase"));
    }

    @Override
    public Optional<String> claim(String householdKey, Phase phase, String referralId) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                claims.insertOne(new Document("householdKey", householdKey)
                        .append("phase", phase.name())
                        .append("referralId", referralId)
                        .append("claimedAt", Date.from(clock.instant())));
                return Optional.empty();
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            Document holder = claims.find(household(householdKey, phase)).first();
            if (holder != null) {
                String holderId = holder.getString("referralId");
                return referralId.equals(holderId) ? Optional.empty() : Optional.of(holderId);
            }
            // released between our insert and our read: try again
        }
        throw new IllegalStateException("Could not claim household for " + referralId);
    }

    @Override
    public void release(String householdKey, Phase phase, String referralId) {
        claims.deleteOne(Filters.and(household(householdKey, phase), Filters.eq("referralId", referralId)));
    }

    @Override
    public Optional<ReferralStatus> statusOf(String referralId) {
        return views.statusOf(referralId);
    }

    private static Bson household(String householdKey, Phase phase) {
        return Filters.and(Filters.eq("householdKey", householdKey), Filters.eq("phase", phase.name()));
    }
}
