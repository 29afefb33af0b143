package nl.startpakket.billing.api;

import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An accepted referral asks for funding under the contract valid on its referral date. */
public record RouteReferralCommand(
        @TargetAggregateIdentifier String routeId,
        String municipality,
        String referralId,
        Phase phase,
        LocalDate referralDate) {

    public static RouteReferralCommand of(String municipality, String referralId, Phase phase, LocalDate referralDate) {
        return new RouteReferralCommand(MunicipalityRoutes.idOf(municipality), municipality, referralId, phase, referralDate);
    }
}
