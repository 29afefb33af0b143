package nl.startpakket.referral.api.notification;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The notification is in the event log before anything is sent: the outbox. Due at once. */
@Revision("1")
public record NotificationScheduledEvent(
        String notificationId,
        String partnerId,
        NotificationChannel channel,
        String target,
        StatusChange change,
        String sourceEventId,
        Instant occurredAt) {
}
