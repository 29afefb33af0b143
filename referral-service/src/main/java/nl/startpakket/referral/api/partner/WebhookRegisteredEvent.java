package nl.startpakket.referral.api.partner;

import java.time.Instant;
import nl.startpakket.events.SealedData;
import org.axonframework.serialization.Revision;

/** A webhook of the partner; the signing secret only sealed. It hears of status changes from {@code occurredAt} on. */
@Revision("1")
public record WebhookRegisteredEvent(
        String eventId,
        String partnerId,
        String webhookId,
        WebhookSettings settings,
        SealedData signingSecret,
        String coordinator,
        Instant occurredAt) implements PartnerEvent {
}
