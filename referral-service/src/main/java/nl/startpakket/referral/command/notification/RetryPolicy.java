package nl.startpakket.referral.command.notification;

import java.time.Duration;

/**
 * How often and when a notification is tried again: at most {@code maxAttempts} attempts (after a
 * replay, as many again), waiting {@code initialBackoff} after the first failure and twice as long
 * after each next one, never longer than {@code maxBackoff}. An attempt holds its notification for
 * {@code attemptLease}: a sender that died is taken over after that (longer than a send may take).
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration attemptLease) {

    public RetryPolicy {
        if (maxAttempts < 1 || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || attemptLease.isNegative()) {
            throw new IllegalArgumentException("A retry policy needs at least one attempt and back-offs with initial <= max");
        }
    }

    /** The wait after the {@code failures}-th failed attempt in a row (1 = the first). */
    public Duration backoff(int failures) {
        Duration wait = initialBackoff;
        for (int i = 1; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
