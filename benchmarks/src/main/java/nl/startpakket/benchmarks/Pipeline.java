package nl.startpakket.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Referrals through the whole chain: POST at the referral service until visible in the fulfilment
 * queue and in reporting. Closed loop at saturation (B5) and open loop at a constant rate (B6, B8).
 */
final class Pipeline {

    private final HostedStack stack;
    private final ReferralClient client;
    private final Visibility visibility;

    Pipeline(HostedStack stack, ReferralClient client, Visibility visibility) {
        this.stack = stack;
        this.client = client;
        this.visibility = visibility;
    }

    record Saturation(long posted, long errors, String firstError, long visible, long unseen, double postRate,
                      double pipelineRate, double cpuMillisPerReferral, long maxTotalRss, Map<String, Long> rssAtMax,
                      Histogram postLatency, double seconds, Map<String, Double> cpuMillisPerReferralByProcess) {
    }

    record ConstantRate(double rate, long posted, long errors, String firstError, long unseen, Histogram fulfilment,
                        Histogram reporting, Histogram both) {
    }

    /** B5: {@code clients} partners posting back to back for {@code duration}, then waits until all are visible. */
    Saturation saturate(Duration duration, int clients, Duration drainTimeout) {
        AtomicLong posted = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        Histogram postLatency = Stats.latencyHistogram();
        visibility.onDone(t -> { });
        RssSampler rss = new RssSampler(stack);
        long cpuBefore = stack.cpuMillis();
        Map<String, Long> cpuBeforeByProcess = stack.cpuMillisPerProcess();
        long begin = System.nanoTime();
        long deadline = begin + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    ReferralClient.Posted result = client.post();
                    long took = System.nanoTime() - start;
                    if (result.created()) {
                        posted.incrementAndGet();
                        synchronized (postLatency) {
                            postLatency.recordValue(Math.min(took / 1000, postLatency.getHighestTrackableValue()));
                        }
                        visibility.track(new Visibility.Tracked(result.referralId(), start));
                    } else {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, result.status() + " " + abbreviate(result.body()));
                        Visibility.sleep(Duration.ofMillis(50));
                    }
                }
            }, "saturation-client-" + i);
            thread.start();
            threads.add(thread);
        }
        threads.forEach(Pipeline::join);
        long postsDone = System.nanoTime();
        boolean all = visibility.awaitAll(drainTimeout);
        long end = all ? visibility.lastSeen() : System.nanoTime();
        long cpu = stack.cpuMillis() - cpuBefore;
        Map<String, Long> cpuAfterByProcess = stack.cpuMillisPerProcess();
        rss.stop();
        long unseen = all ? 0 : visibility.unseen().size();
        visibility.clear();
        long visible = posted.get() - unseen;
        Map<String, Double> byProcess = new LinkedHashMap<>();
        cpuAfterByProcess.forEach((name, after) -> byProcess.put(name,
                visible == 0 ? Double.NaN : (double) (after - cpuBeforeByProcess.getOrDefault(name, after)) / visible));
        return new Saturation(posted.get(), errors.get(), firstError.get(), visible, unseen,
                Stats.perSecond(posted.get(), postsDone - begin), Stats.perSecond(visible, end - begin),
                visible == 0 ? Double.NaN : (double) cpu / visible, rss.maxTotal(), rss.atMax(), postLatency,
                (end - begin) / 1e9, byProcess);
    }

    /**
     * B6: referrals started at a constant rate, each at its intended time whatever the ones before
     * it do (no coordinated omission: a late start counts from when it should have started).
     */
    ConstantRate constantRate(double rate, Duration duration, Duration drainTimeout) {
        OpenLoad load = startOpenLoad(rate);
        Visibility.sleep(duration);
        load.stop();
        boolean all = visibility.awaitAll(drainTimeout);
        long unseen = 0;
        if (!all) {
            // not seen within the drain timeout: counted with the time waited so far (a lower bound)
            long now = System.nanoTime();
            List<Visibility.Tracked> late = visibility.unseen();
            unseen = late.size();
            synchronized (load) {
                for (Visibility.Tracked t : late) {
                    load.record(load.fulfilment, (t.inFulfilment == 0 ? now : t.inFulfilment) - t.intendedStart);
                    load.record(load.reporting, (t.inReporting == 0 ? now : t.inReporting) - t.intendedStart);
                    load.record(load.both, now - t.intendedStart);
                }
            }
            visibility.clear();
        }
        return new ConstantRate(rate, load.posted.get(), load.errors.get(), load.firstError.get(), unseen,
                load.fulfilment, load.reporting, load.both);
    }

    OpenLoad startOpenLoad(double rate) {
        return new OpenLoad(rate);
    }

    /** A constant-rate load until stopped; latencies from intended start to visible. */
    final class OpenLoad {
        final AtomicLong posted = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final AtomicReference<String> firstError = new AtomicReference<>();
        final Histogram fulfilment = Stats.latencyHistogram();
        final Histogram reporting = Stats.latencyHistogram();
        final Histogram both = Stats.latencyHistogram();
        private final ExecutorService workers = Executors.newFixedThreadPool(64, r -> {
            Thread t = new Thread(r, "open-loop-client");
            t.setDaemon(true);
            return t;
        });
        private final Thread dispatcher;
        private volatile boolean running = true;

        OpenLoad(double rate) {
            long interval = (long) (1e9 / rate);
            visibility.onDone(t -> {
                synchronized (this) {
                    record(fulfilment, t.inFulfilment - t.intendedStart);
                    record(reporting, t.inReporting - t.intendedStart);
                    record(both, Math.max(t.inFulfilment, t.inReporting) - t.intendedStart);
                }
            });
            dispatcher = new Thread(() -> {
                long start = System.nanoTime();
                for (long i = 0; running; i++) {
                    long intended = start + i * interval;
                    long wait = intended - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    if (!running) {
                        break;
                    }
                    workers.execute(() -> {
                        ReferralClient.Posted result = client.post();
                        if (result.created()) {
                            posted.incrementAndGet();
                            visibility.track(new Visibility.Tracked(result.referralId(), intended));
                        } else {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, result.status() + " " + abbreviate(result.body()));
                        }
                    });
                }
            }, "open-loop-dispatcher");
            dispatcher.start();
        }

        private void record(Histogram histogram, long nanos) {
            histogram.recordValue(Math.max(0, Math.min(nanos / 1000, histogram.getHighestTrackableValue())));
        }

        /** Stops starting new referrals and waits for the ones started to be answered. */
        void stop() {
            running = false;
            join(dispatcher);
            workers.shutdown();
            try {
                workers.awaitTermination(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Samples the stack's resident memory every second; keeps the sample with the largest total. */
    static final class RssSampler {
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long maxTotal;
        private volatile Map<String, Long> atMax = Map.of();

        RssSampler(HostedStack stack) {
            thread = new Thread(() -> {
                while (running) {
                    Map<String, Long> rss = new LinkedHashMap<>(stack.residentMemory());
                    long total = rss.values().stream().mapToLong(Long::longValue).sum();
                    if (total > maxTotal) {
                        maxTotal = total;
                        atMax = rss;
                    }
                    Visibility.sleep(Duration.ofSeconds(1));
                }
            }, "rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
            join(thread);
        }

        long maxTotal() {
            return maxTotal;
        }

        Map<String, Long> atMax() {
            return atMax;
        }
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
