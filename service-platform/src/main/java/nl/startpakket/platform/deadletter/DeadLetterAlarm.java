package nl.startpakket.platform.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.utils.DlqPartitionFunction;

/**
 * Called by the Kafka binder for every record it dead-letters: raises the
 * {@code startpakket.dead.letters} counter and logs an error line with the reason, then keeps
 * the record's partition in the dead-letter topic (which has as many partitions as the original).
 */
public class DeadLetterAlarm implements DlqPartitionFunction {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAlarm.class);

    private final MeterRegistry meterRegistry;

    public DeadLetterAlarm(MeterRegistry meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    @Override
    public Integer apply(String group, ConsumerRecord<?, ?> record, Throwable throwable) {
        Throwable cause = rootCause(throwable);
        meterRegistry.counter("startpakket.dead.letters", "topic", record.topic(), "group", String.valueOf(group),
                "reason", cause.getClass().getSimpleName()).increment();
        log.error("DEAD LETTER: {}-{}@{} key={} for group {} moved to {}.dlt: {}", record.topic(), record.partition(),
                record.offset(), record.key(), group, record.topic(), cause.getMessage());
        return record.partition();
    }

    static Throwable rootCause(Throwable throwable) {
        Throwable cause = throwable;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
