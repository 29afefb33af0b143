package nl.startpakket.identity.query;

import nl.startpakket.identity.api.StaffAccountChangedEvent;
import nl.startpakket.identity.api.StaffAccountDisabledEvent;
import nl.startpakket.identity.api.StaffAccountEnabledEvent;
import nl.startpakket.identity.api.StaffAccountRegisteredEvent;
import nl.startpakket.identity.api.StaffPasswordSetEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The accounts as sign-in reads them, built from the accounts' events. Each write overwrites the
 * account's document with what the event says, so an event handled twice changes nothing; the
 * collection can be rebuilt from the event log at any time.
 */
@Component
@ProcessingGroup(StaffAccountProjection.GROUP)
public class StaffAccountProjection {

    public static final String GROUP = "staff-accounts";

    private final MongoTemplate mongo;

    public StaffAccountProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(StaffAccountRegisteredEvent event) {
        mongo.save(new StaffAccountView(event.username(), event.terms().displayName(), event.terms().sortedRoles(),
                event.terms().municipality(), true, event.passwordHash(), event.occurredAt(), event.occurredAt(), event.actor(),
                event.occurredAt()));
    }

    @EventHandler
    void on(StaffAccountChangedEvent event) {
        update(event.username(), view -> view.withTerms(event.terms(), event.actor(), event.occurredAt()));
    }

    @EventHandler
    void on(StaffAccountDisabledEvent event) {
        update(event.username(), view -> view.withActive(false, event.actor(), event.occurredAt()));
    }

    @EventHandler
    void on(StaffAccountEnabledEvent event) {
        update(event.username(), view -> view.withActive(true, event.actor(), event.occurredAt()));
    }

    @EventHandler
    void on(StaffPasswordSetEvent event) {
        update(event.username(), view -> view.withPassword(event.passwordHash(), event.actor(), event.occurredAt()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(StaffAccountView.class);
    }

    private void update(String username, java.util.function.UnaryOperator<StaffAccountView> change) {
        StaffAccountView view = mongo.findById(username, StaffAccountView.class);
        if (view == null) {
            throw new IllegalStateException("No account " + username + " for its event: the projection misses its registration");
        }
        mongo.save(change.apply(view));
    }
}
