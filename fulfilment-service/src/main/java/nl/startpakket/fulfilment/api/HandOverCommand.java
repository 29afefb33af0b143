package nl.startpakket.fulfilment.api;

import nl.startpakket.events.DeliveryMethod;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The packed package left the foundation: picked up by the intermediary, or given to a carrier
 * for home delivery (then with the carrier's reference). {@code method} null means the method
 * the referral asked for.
 */
public record HandOverCommand(
        @TargetAggregateIdentifier String jobId,
        Actor actor,
        DeliveryMethod method,
        String carrierReference) {
}
