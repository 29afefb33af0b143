package nl.startpakket.platform.deadletter;

import java.time.Instant;

/** One dead-lettered record as a coordinator sees it: where it came from and why it failed. */
public record DeadLetter(
        String deadLetterTopic,
        int partition,
        long offset,
        String key,
        String originalTopic,
        String eventType,
        String eventId,
        String consumerGroup,
        String reason,
        Instant deadLetteredAt,
        String payload) {
}
