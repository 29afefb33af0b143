package nl.startpakket.referral.notification;

import java.time.Duration;
import java.time.Instant;
import nl.startpakket.referral.api.notification.RecordDeliveryAttemptCommand;

/** What one attempt to send came to: delivered or not, the HTTP status where the receiver answered, the error otherwise. */
record SendOutcome(boolean delivered, Integer httpStatus, String error, long durationMillis) {

    static final int MAX_ERROR = 300;

    static SendOutcome failed(Integer httpStatus, String error, long startNanos) {
        String text = error == null ? null : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        return new SendOutcome(false, httpStatus, text, elapsed(startNanos));
    }

    static SendOutcome delivered(Integer httpStatus, long startNanos) {
        return new SendOutcome(true, httpStatus, null, elapsed(startNanos));
    }

    RecordDeliveryAttemptCommand command(String notificationId, int attempt, Instant startedAt) {
        return delivered ? RecordDeliveryAttemptCommand.delivered(notificationId, attempt, httpStatus, durationMillis, startedAt)
                : RecordDeliveryAttemptCommand.failed(notificationId, attempt, httpStatus, error, durationMillis, startedAt);
    }

    private static long elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
