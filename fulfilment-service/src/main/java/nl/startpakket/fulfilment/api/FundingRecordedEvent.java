package nl.startpakket.fulfilment.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/** Billing reserved funding for the referral of this job. */
@Revision("1")
public record FundingRecordedEvent(
        String jobId,
        String referralId,
        String contractId,
        String municipality,
        Phase phase,
        LocalDate reservedOn,
        Instant occurredAt) {
}
