package nl.startpakket.identity.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import nl.startpakket.identity.api.ChangeStaffAccountCommand;
import nl.startpakket.identity.api.DisableStaffAccountCommand;
import nl.startpakket.identity.api.EnableStaffAccountCommand;
import nl.startpakket.identity.api.RegisterStaffAccountCommand;
import nl.startpakket.identity.api.SetStaffPasswordCommand;
import nl.startpakket.identity.api.StaffAccountChangedEvent;
import nl.startpakket.identity.api.StaffAccountDisabledEvent;
import nl.startpakket.identity.api.StaffAccountEnabledEvent;
import nl.startpakket.identity.api.StaffAccountRegisteredEvent;
import nl.startpakket.identity.api.StaffAccountRuleViolation;
import nl.startpakket.identity.api.StaffAccountTerms;
import nl.startpakket.identity.api.StaffPasswordSetEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One person's account at the foundation, keyed by user name: what they may do (roles, and for
 * an evaluator the municipality), whether they may sign in, and their password (a hash, kept by the projection that signs people in). Every
 * change is an event with the coordinator who made it; the account's history is its event log.
 */
@Aggregate(cache = "staffAccountCache")
public class StaffAccount {

    @AggregateIdentifier
    private String username;
    private StaffAccountTerms terms;
    private boolean active;

    protected StaffAccount() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterStaffAccountCommand command, Clock clock) {
        if (username != null) {
            throw new StaffAccountRuleViolation("account-exists", "An account " + command.username() + " exists already.");
        }
        requireValid(command.terms());
        if (command.passwordHash() == null || command.passwordHash().isBlank()) {
            throw new StaffAccountRuleViolation("password-required", "A new account needs a password.");
        }
        apply(new StaffAccountRegisteredEvent(command.username(), command.terms(), command.passwordHash(), command.actor(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(ChangeStaffAccountCommand command, Clock clock) {
        requireValid(command.terms());
        if (!command.terms().equals(terms)) {
            apply(new StaffAccountChangedEvent(username, command.terms(), command.actor(), clock.instant()));
        }
    }

    @CommandHandler
    public void handle(DisableStaffAccountCommand command, Clock clock) {
        if (active) {
            apply(new StaffAccountDisabledEvent(username, command.actor(), clock.instant()));
        }
    }

    @CommandHandler
    public void handle(EnableStaffAccountCommand command, Clock clock) {
        if (!active) {
            apply(new StaffAccountEnabledEvent(username, command.actor(), clock.instant()));
        }
    }

    @CommandHandler
    public void handle(SetStaffPasswordCommand command, Clock clock) {
        if (command.passwordHash() == null || command.passwordHash().isBlank()) {
            throw new StaffAccountRuleViolation("password-required", "A password is required.");
        }
        apply(new StaffPasswordSetEvent(username, command.passwordHash(), command.actor(), clock.instant()));
    }

    private static void requireValid(StaffAccountTerms terms) {
        String violation = terms.violation();
        if (violation != null) {
            throw new StaffAccountRuleViolation("invalid-terms", violation);
        }
    }

    @EventSourcingHandler
    void on(StaffAccountRegisteredEvent event) {
        username = event.username();
        terms = event.terms();
        active = true;
    }

    @EventSourcingHandler
    void on(StaffAccountChangedEvent event) {
        terms = event.terms();
    }

    @EventSourcingHandler
    void on(StaffAccountDisabledEvent event) {
        active = false;
    }

    @EventSourcingHandler
    void on(StaffAccountEnabledEvent event) {
        active = true;
    }

}
