package nl.startpakket.benchmarks;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import nl.startpakket.localstack.Service;

/**
 * B8: a service killed with SIGKILL while referrals keep coming, started again at once; how long
 * until the system has caught up (every consumer group's lag zero, every referral visible).
 */
final class Recovery {

    private final HostedStack stack;
    private final Pipeline pipeline;
    private final Visibility visibility;
    private final ConsumerLag lag;

    Recovery(HostedStack stack, Pipeline pipeline, Visibility visibility, ConsumerLag lag) {
        this.stack = stack;
        this.pipeline = pipeline;
        this.visibility = visibility;
        this.lag = lag;
    }

    record Result(double recoverySeconds, double restartSeconds, long peakLag) {
    }

    Result killUnderLoad(Service victim, double rate, Duration loadBefore, Duration timeout) {
        Pipeline.OpenLoad load = pipeline.startOpenLoad(rate);
        try {
            Visibility.sleep(loadBefore);
            long killedAt = System.nanoTime();
            stack.kill(victim);
            CompletableFuture<Long> restarted = CompletableFuture.supplyAsync(() -> {
                stack.start(victim);
                return System.nanoTime();
            });
            long peak = 0;
            long deadline = killedAt + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                long current = lag.total();
                peak = Math.max(peak, current);
                if (restarted.isDone() && current == 0 && visibility.pendingOlderThan(Duration.ofSeconds(2)) == 0) {
                    long recovered = System.nanoTime();
                    return new Result((recovered - killedAt) / 1e9, (restarted.join() - killedAt) / 1e9, peak);
                }
                Visibility.sleep(Duration.ofMillis(100));
            }
            throw new IllegalStateException("Not recovered within " + timeout + " (lag " + lag.total() + ", "
                    + visibility.pendingOlderThan(Duration.ofSeconds(2)) + " referrals late)");
        } finally {
            load.stop();
            visibility.awaitAll(Duration.ofMinutes(2));
            visibility.clear();
        }
    }
}
