package nl.startpakket.billing.api;

import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A package delivered before Startpakket and not invoiced then (referral-service's import of
 * history): bill it under the contract valid on its delivery date, or keep it until one is. It
 * asks for no funding slot (nothing is to be packed) and is never routed twice.
 */
public record RouteHistoricDeliveryCommand(
        @TargetAggregateIdentifier String routeId,
        String municipality,
        String referralId,
        Phase phase,
        LocalDate deliveredOn) {

    public static RouteHistoricDeliveryCommand of(String municipality, String referralId, Phase phase, LocalDate deliveredOn) {
        return new RouteHistoricDeliveryCommand(MunicipalityRoutes.idOf(municipality), municipality, referralId, phase, deliveredOn);
    }
}
