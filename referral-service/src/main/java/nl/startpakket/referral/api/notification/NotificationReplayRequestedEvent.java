package nl.startpakket.referral.api.notification;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Due again at once with a fresh budget of attempts; the receiver sees the same notification id. */
@Revision("1")
public record NotificationReplayRequestedEvent(String notificationId, String requestedBy, Instant occurredAt) {
}
