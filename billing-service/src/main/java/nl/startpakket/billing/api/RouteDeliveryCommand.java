package nl.startpakket.billing.api;

import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A package was delivered: pass it to the contract that funds its referral. */
public record RouteDeliveryCommand(
        @TargetAggregateIdentifier String routeId,
        String municipality,
        String referralId,
        Phase phase,
        LocalDate deliveredOn) {

    public static RouteDeliveryCommand of(String municipality, String referralId, Phase phase, LocalDate deliveredOn) {
        return new RouteDeliveryCommand(MunicipalityRoutes.idOf(municipality), municipality, referralId, phase, deliveredOn);
    }
}
