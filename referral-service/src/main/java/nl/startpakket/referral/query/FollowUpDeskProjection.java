package nl.startpakket.referral.query;

import nl.startpakket.referral.api.FollowUpOpenedEvent;
import nl.startpakket.referral.api.FollowUpOutcomeRecordedEvent;
import nl.startpakket.referral.api.ReferralDataErasedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The social teams' desk: a task per delivered package whose parent agreed to be contacted, its
 * outcome, and gone once the referral's personal data is erased (by request or by retention).
 * Overwrites keyed by referral id: an event handled twice changes nothing.
 */
@Component
@ProcessingGroup(FollowUpDeskProjection.GROUP)
public class FollowUpDeskProjection {

    public static final String GROUP = "follow-up-desk";

    private final MongoTemplate mongo;

    public FollowUpDeskProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(FollowUpOpenedEvent event) {
        if (mongo.findById(event.referralId(), FollowUpTaskView.class) == null) {
            mongo.save(new FollowUpTaskView(event.referralId(), event.municipality(), event.phase(), event.deliveredOn(),
                    event.occurredAt(), null, null, null));
        }
    }

    @EventHandler
    void on(FollowUpOutcomeRecordedEvent event) {
        FollowUpTaskView task = mongo.findById(event.referralId(), FollowUpTaskView.class);
        if (task != null) {
            mongo.save(task.withOutcome(event.outcome(), event.occurredAt(), event.recordedBy()));
        }
    }

    @EventHandler
    void on(ReferralDataErasedEvent event) {
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(event.referralId())), FollowUpTaskView.class);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(FollowUpTaskView.class);
    }
}
