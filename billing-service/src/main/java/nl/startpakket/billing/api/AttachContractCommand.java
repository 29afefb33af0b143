package nl.startpakket.billing.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Makes a contract (or its new period) known to the municipality's route; drains the backlog it covers. */
public record AttachContractCommand(
        @TargetAggregateIdentifier String routeId,
        String municipality,
        String contractId,
        LocalDate validFrom,
        LocalDate validTo) {

    public static AttachContractCommand of(String municipality, String contractId, LocalDate validFrom, LocalDate validTo) {
        return new AttachContractCommand(MunicipalityRoutes.idOf(municipality), municipality, contractId, validFrom, validTo);
    }
}
