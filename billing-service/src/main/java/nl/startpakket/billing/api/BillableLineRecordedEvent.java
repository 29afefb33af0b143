package nl.startpakket.billing.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/** One delivered package, billable at the contract price of its phase. */
@Revision("1")
public record BillableLineRecordedEvent(
        String contractId,
        String municipality,
        String referralId,
        Phase phase,
        LocalDate deliveredOn,
        Money amount,
        Instant occurredAt) {
}
