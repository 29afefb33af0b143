package nl.startpakket.billing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A referral was cancelled: take it out of the backlog, or pass the cancellation to its contract. */
public record RouteCancellationCommand(
        @TargetAggregateIdentifier String routeId,
        String municipality,
        String referralId,
        String reason) {

    public static RouteCancellationCommand of(String municipality, String referralId, String reason) {
        return new RouteCancellationCommand(MunicipalityRoutes.idOf(municipality), municipality, referralId, reason);
    }
}
