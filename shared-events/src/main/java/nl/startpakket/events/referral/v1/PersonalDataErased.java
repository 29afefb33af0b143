package nl.startpakket.events.referral.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.Phase;

/**
 * The referral's personal data was erased (crypto-shredded): on request ({@code REQUEST}) or by
 * the retention rule ({@code RETENTION}). Its status, history and counts stay. Anyone holding a
 * copy of the personal data deletes it (fulfilment deletes its copy of the key).
 */
public record PersonalDataErased(
        UUID eventId,
        Instant occurredAt,
        String referralId,
        String municipality,
        Phase phase,
        LocalDate erasedOn,
        String reason) implements IntegrationEvent {

    @Override
    public String subject() {
        return referralId;
    }
}
