package nl.startpakket.referral.api.notification;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The outcome of an attempt: {@code httpStatus} for a webhook that answered (2xx delivered),
 * {@code error} for one that did not (timeout, refused, e-mail not accepted), how long it took.
 * {@code retryable} false ends the notification at once (its webhook or user is gone).
 */
public record RecordDeliveryAttemptCommand(@TargetAggregateIdentifier String notificationId, int attempt, boolean delivered,
                                           boolean retryable, Integer httpStatus, String error, long durationMillis,
                                           Instant startedAt) {

    public static RecordDeliveryAttemptCommand delivered(String notificationId, int attempt, Integer httpStatus,
                                                         long durationMillis, Instant startedAt) {
        return new RecordDeliveryAttemptCommand(notificationId, attempt, true, false, httpStatus, null, durationMillis, startedAt);
    }

    public static RecordDeliveryAttemptCommand failed(String notificationId, int attempt, Integer httpStatus, String error,
                                                      long durationMillis, Instant startedAt) {
        return new RecordDeliveryAttemptCommand(notificationId, attempt, false, true, httpStatus, error, durationMillis, startedAt);
    }

    public static RecordDeliveryAttemptCommand givenUp(String notificationId, int attempt, String error, Instant startedAt) {
        return new RecordDeliveryAttemptCommand(notificationId, attempt, false, false, null, error, 0, startedAt);
    }
}
