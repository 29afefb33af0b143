package nl.startpakket.billing.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.billing.api.InvoiceRecipient;
import nl.startpakket.billing.api.VatTreatment;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A contract's current terms and invoicing details, as the API and the pages show them. */
@Document("contracts")
public record ContractDocument(
        @Id String contractId,
        String municipality,
        LocalDate validFrom,
        LocalDate validTo,
        BigDecimal babyPrice,
        BigDecimal toddlerPrice,
        Integer maxPackages,
        BigDecimal budget,
        String invoicePeriod,
        InvoiceRecipient recipient,
        VatTreatment vat,
        String registeredBy,
        Instant registeredAt) {

    ContractDocument withTerms(LocalDate newValidTo, Integer newMaxPackages, BigDecimal newBudget) {
        return new ContractDocument(contractId, municipality, validFrom, newValidTo, babyPrice, toddlerPrice,
                newMaxPackages, newBudget, invoicePeriod, recipient, vat, registeredBy, registeredAt);
    }

    ContractDocument withInvoicing(InvoiceRecipient newRecipient, VatTreatment newVat) {
        return new ContractDocument(contractId, municipality, validFrom, validTo, babyPrice, toddlerPrice,
                maxPackages, budget, invoicePeriod, newRecipient, newVat, registeredBy, registeredAt);
    }
}
