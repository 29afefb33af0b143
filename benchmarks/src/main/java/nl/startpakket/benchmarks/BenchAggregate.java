package nl.startpakket.benchmarks;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import nl.startpakket.events.referral.v1.ReferralAccepted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * B4's aggregate: shaped like a referral (created with two events of our typical size) and like a
 * contract (a long-lived stream that grows by one event per command).
 */
public class BenchAggregate {

    public record Create(@TargetAggregateIdentifier String id, ReferralAccepted details) {
    }

    public record Append(@TargetAggregateIdentifier String id, ReferralAccepted details) {
    }

    public record Submitted(String id, ReferralAccepted details) {
    }

    public record Accepted(String id, ReferralAccepted details) {
    }

    public record Appended(String id, long number, ReferralAccepted details) {
    }

    @AggregateIdentifier
    private String id;
    private long events;

    protected BenchAggregate() {
        // for Axon
    }

    @CommandHandler
    public BenchAggregate(Create command) {
        apply(new Submitted(command.id(), command.details()));
        apply(new Accepted(command.id(), command.details()));
    }

    @CommandHandler
    public void handle(Append command) {
        apply(new Appended(id, events, command.details()));
    }

    @EventSourcingHandler
    void on(Submitted event) {
        id = event.id();
        events++;
    }

    @EventSourcingHandler
    void on(Accepted event) {
        events++;
    }

    @EventSourcingHandler
    void on(Appended event) {
        events++;
    }

    public long events() {
        return events;
    }
}
