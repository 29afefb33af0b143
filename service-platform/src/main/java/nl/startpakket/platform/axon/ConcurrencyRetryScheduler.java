package nl.startpakket.platform.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Sends a command again when it lost a race for its aggregate: another instance of the service
 * stored an event of that aggregate between this one's load and its append (the event store's
 * unique index refuses the second append). The retry loads the aggregate again, decides again and
 * appends after the other instance's event. Only such conflicts are retried (with exponential
 * back-off, Axon's {@link ExponentialBackOffIntervalRetryScheduler}); a command that a business
 * rule refuses fails at once, as before. Without it, a Kafka record whose command lost such a race
 * a few times in a row would go to the dead-letter topic.
 */
public class ConcurrencyRetryScheduler implements RetryScheduler {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "command-retry");
        thread.setDaemon(true);
        return thread;
    });
    private final RetryScheduler backOff;
    private final Counter retries;

    public ConcurrencyRetryScheduler(long backoffMillis, int maxRetries, MeterRegistry meters) {
        this.backOff = ExponentialBackOffIntervalRetryScheduler.builder()
                .retryExecutor(executor)
                .backoffFactor(backoffMillis)
                .maxRetryCount(maxRetries)
                .build();
        this.retries = Counter.builder("startpakket.commands.concurrency.retries")
                .description("Commands sent again because another instance changed their aggregate first")
                .register(meters);
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (!causedByConcurrency(lastFailure)) {
            return false;
        }
        boolean scheduled = backOff.scheduleRetry(commandMessage, lastFailure, failures, commandDispatch);
        if (scheduled) {
            retries.increment();
        }
        return scheduled;
    }

    public void shutdown() {
        executor.shutdownNow();
    }

    private static boolean causedByConcurrency(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
