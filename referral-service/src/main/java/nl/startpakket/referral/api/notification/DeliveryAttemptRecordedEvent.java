package nl.startpakket.referral.api.notification;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * One attempt's line in the delivery log, with what follows from it: {@code DELIVERED},
 * {@code PENDING} again at {@code nextAttemptAt} (exponential back-off), or {@code FAILED} after the
 * last attempt the retry policy allows (a replay starts again).
 */
@Revision("1")
public record DeliveryAttemptRecordedEvent(
        String notificationId,
        int attempt,
        Instant startedAt,
        long durationMillis,
        Integer httpStatus,
        String error,
        NotificationState state,
        Instant nextAttemptAt,
        Instant occurredAt) {
}
