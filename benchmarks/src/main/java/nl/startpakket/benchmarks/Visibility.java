package nl.startpakket.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.bson.Document;

/**
 * Watches the two read models a referral must reach: the fulfilment queue ({@code job_queue}, the
 * job {@code J-<referralId>} listed) and reporting ({@code referral_facts_v<active>}, the referral's
 * facts know the job is queued). It polls only by {@code _id} (the one index the Mongo
 * wire-protocol server uses for {@code $in}), the oldest unseen referrals first, and stamps each
 * referral with the time it was first seen in each.
 */
final class Visibility implements AutoCloseable {

    /** One referral on its way: intended start (nanoTime) and when it became visible in each read model. */
    static final class Tracked {
        final String referralId;
        final long intendedStart;
        volatile long postedAt;
        volatile long inFulfilment;
        volatile long inReporting;

        Tracked(String referralId, long intendedStart) {
            this.referralId = referralId;
            this.intendedStart = intendedStart;
        }

        boolean done() {
            return inFulfilment != 0 && inReporting != 0;
        }
    }

    private final MongoCollection<Document> jobs;
    private final MongoClient client;
    private final ConcurrentLinkedDeque<Tracked> pendingFulfilment = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<Tracked> pendingReporting = new ConcurrentLinkedDeque<>();
    private final AtomicLong lastSeen = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private final Thread poller;
    private final long intervalNanos;
    private final int batch;
    private volatile boolean running = true;
    private volatile Consumer<Tracked> onDone = t -> { };

    Visibility(MongoClient client, Duration interval, int batch) {
        this.client = client;
        this.jobs = client.getDatabase("startpakket-fulfilment").getCollection("job_queue");
        this.intervalNanos = interval.toNanos();
        this.batch = batch;
        this.poller = new Thread(this::run, "visibility-poller");
        this.poller.setDaemon(true);
        this.poller.start();
    }

    void onDone(Consumer<Tracked> listener) {
        this.onDone = listener;
    }

    void track(Tracked tracked) {
        pendingFulfilment.add(tracked);
        pendingReporting.add(tracked);
    }

    int pending() {
        return Math.max(pendingFulfilment.size(), pendingReporting.size());
    }

    /** Referrals posted at least {@code age} ago that are not yet visible in both read models. */
    long pendingOlderThan(Duration age) {
        long limit = System.nanoTime() - age.toNanos();
        java.util.Set<Tracked> late = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Tracked t : pendingFulfilment) {
            if (t.intendedStart < limit) {
                late.add(t);
            }
        }
        for (Tracked t : pendingReporting) {
            if (t.intendedStart < limit) {
                late.add(t);
            }
        }
        return late.size();
    }

    /** Every referral not yet visible in both (each once). */
    List<Tracked> unseen() {
        java.util.Set<Tracked> all = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        all.addAll(pendingFulfilment);
        all.addAll(pendingReporting);
        return new ArrayList<>(all);
    }

    /** Forgets every pending referral (after a drain that timed out). */
    void clear() {
        pendingFulfilment.clear();
        pendingReporting.clear();
    }

    /** nanoTime when the last referral became visible in both. */
    long lastSeen() {
        return lastSeen.get();
    }

    /** Waits until nothing is pending or the timeout passes; returns whether everything was seen. */
    boolean awaitAll(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(Duration.ofMillis(20));
        }
        return true;
    }

    private void run() {
        while (running) {
            long began = System.nanoTime();
            try {
                boolean busy = poll(pendingFulfilment, jobs, "J-", "listed", true, true);
                busy |= poll(pendingReporting, reportingFacts(), "", "jobQueued", true, false);
                polls.incrementAndGet();
                long rest = intervalNanos - (System.nanoTime() - began);
                if (rest > 0 && !busy) {
                    java.util.concurrent.locks.LockSupport.parkNanos(rest);
                } else if (rest > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(rest / 4);
                }
            } catch (RuntimeException e) {
                sleep(Duration.ofMillis(200)); // Mongo restarting or a collection not there yet
            }
        }
    }

    private MongoCollection<Document> reportingFacts() {
        Document versions = client.getDatabase("startpakket-reporting").getCollection("projection_versions")
                .find(Filters.eq("_id", "evaluation")).first();
        int active = versions == null ? 1 : versions.getInteger("active", 1);
        return client.getDatabase("startpakket-reporting").getCollection("referral_facts_v" + active);
    }

    /** @return whether a full batch was looked at (more may be waiting) */
    private boolean poll(ConcurrentLinkedDeque<Tracked> pending, MongoCollection<Document> collection, String idPrefix,
                         String field, Object expected, boolean fulfilment) {
        if (pending.isEmpty()) {
            return false;
        }
        Map<String, Tracked> byId = new HashMap<>();
        List<String> ids = new ArrayList<>();
        for (Tracked t : pending) {
            if (byId.size() >= batch) {
                break;
            }
            byId.put(idPrefix + t.referralId, t);
            ids.add(idPrefix + t.referralId);
        }
        long now = 0;
        for (Document d : collection.find(Filters.in("_id", ids)).projection(Projections.include(field))) {
            if (expected.equals(d.get(field))) {
                Tracked t = byId.get(d.getString("_id"));
                if (t != null) {
                    if (now == 0) {
                        now = System.nanoTime();
                    }
                    if (fulfilment) {
                        t.inFulfilment = now;
                    } else {
                        t.inReporting = now;
                    }
                    pending.remove(t);
                    if (t.done()) {
                        lastSeen.accumulateAndGet(now, Math::max);
                        onDone.accept(t);
                    }
                }
            }
        }
        return ids.size() >= batch;
    }

    long polls() {
        return polls.get();
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
    }
}
