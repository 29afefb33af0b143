package nl.startpakket.billing.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Where a referral stands with its funding: one document per referral (pseudonymous id only),
 * overwritten by each decision, so reprocessing an event leaves the same state.
 */
@Document("funding_status")
public record FundingStatusDocument(
        @Id String referralId,
        String contractId,
        String municipality,
        String phase,
        LocalDate referralDate,
        FundingState state,
        String reason,
        BigDecimal amount,
        LocalDate deliveredOn,
        Instant since) {

    public enum FundingState {
        RESERVED,
        ON_HOLD,
        RELEASED,
        DELIVERED
    }
}
