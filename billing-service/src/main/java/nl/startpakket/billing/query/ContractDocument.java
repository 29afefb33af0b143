package nl.startpakket.billing.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A contract's current terms, as the API and the pages show them. */
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
        String registeredBy,
        Instant registeredAt) {
}
