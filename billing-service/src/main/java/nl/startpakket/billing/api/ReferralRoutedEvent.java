package nl.startpakket.billing.api;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/** The referral is to be funded under this contract ({@code fromBacklog}: it waited for one). */
@Revision("1")
public record ReferralRoutedEvent(
        String routeId,
        String municipality,
        String referralId,
        Phase phase,
        LocalDate referralDate,
        String contractId,
        boolean fromBacklog,
        Instant occurredAt) {
}
