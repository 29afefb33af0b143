package nl.startpakket.referral.api.partner;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record WebhookRemovedEvent(
        String eventId,
        String partnerId,
        String webhookId,
        String coordinator,
        Instant occurredAt) implements PartnerEvent {
}
