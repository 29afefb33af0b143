package nl.startpakket.referral.api.notification;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An attempt is about to be sent. Stored before the send: an attempt without an outcome is one
 * whose sender died (it may have arrived), and after its lease the next attempt sends it again
 * with the same notification id.
 */
@Revision("1")
public record DeliveryAttemptStartedEvent(String notificationId, int attempt, Instant leaseUntil, Instant occurredAt) {
}
