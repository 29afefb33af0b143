package nl.startpakket.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.startpakket.localstack.Service;

/**
 * Partners submitting referrals and volunteers working the queue, the way people do: a request
 * that fails while a service is down is retried (with the same Idempotency-Key), a job step that
 * fails is tried again on the next round. Each request goes to one of the service's running
 * instances in turn.
 */
final class Workload {

    private static final List<String> HUIZEN_PARTNERS = List.of("demo-verloskundige-huizen", "demo-consultatiebureau-huizen");

    private final Set<String> referralIds = Collections.synchronizedSet(new HashSet<>());

    Set<String> referralIds() {
        return Set.copyOf(referralIds);
    }

    /** Submits one Huizen referral, retrying until the referral service answers 201 (at most two minutes). */
    String submit(int sequence) {
        String key = HUIZEN_PARTNERS.get(sequence % HUIZEN_PARTNERS.size());
        String id = submitUntilTaken(key, Referrals.baby("GM0406", "Huizen"));
        referralIds.add(id);
        return id;
    }

    /**
     * Submits {@code body} with the partner's API key to one of the referral service's instances,
     * retrying (with the same Idempotency-Key) until one answers 201 or 200; at most two minutes.
     */
    static String submitUntilTaken(String key, Map<String, Object> body) {
        String idempotencyKey = UUID.randomUUID().toString();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            try {
                Api.Response response = RunningStack.anyInstance(Service.REFERRAL).asPartner(key).postIdempotent("/api/v1/referrals", body, idempotencyKey);
                if (response.status() == 201 || response.status() == 200) {
                    return response.json().get("referralId").asText();
                }
                if (response.status() >= 400 && response.status() < 500 && response.status() != 429) {
                    throw new AssertionError("Referral refused: " + response);
                }
            } catch (IllegalStateException serviceDown) {
                // connection refused while the referral service restarts: try again
            }
            pause(Duration.ofMillis(500));
        }
        throw new AssertionError("The referral service did not take a referral within two minutes");
    }

    /** One round over the queue: every job of ours moves one or more steps on. Returns how many are delivered. */
    int workOneRound() {
        Api volunteer = RunningStack.anyInstance(Service.FULFILMENT).asStaff("volunteer");
        int delivered = 0;
        JsonNode jobs;
        try {
            jobs = volunteer.get("/api/v1/jobs?status=QUEUED&status=CLAIMED&status=PACKED&status=HANDED_OVER&status=DELIVERED").json();
        } catch (RuntimeException | AssertionError serviceDown) {
            return -1;
        }
        for (JsonNode job : jobs) {
            String referralId = job.get("referralId").asText();
            if (!referralIds.contains(referralId)) {
                continue;
            }
            String jobId = job.get("jobId").asText();
            String status = job.get("status").asText();
            try {
                switch (status) {
                    case "QUEUED" -> step(volunteer, jobId, "claim", Map.of());
                    case "CLAIMED" -> step(volunteer, jobId, "packed", Map.of());
                    case "PACKED" -> step(volunteer, jobId, "handed-over", ChainEndToEndIT.handOver());
                    case "HANDED_OVER" -> step(volunteer, jobId, "delivered", Map.of());
                    case "DELIVERED" -> delivered++;
                    default -> {
                    }
                }
            } catch (RuntimeException serviceDown) {
                return delivered;
            }
        }
        return delivered;
    }

    /** Works the queue until every referral of this workload is delivered. */
    void workUntilAllDelivered(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (workOneRound() == referralIds.size()) {
                return;
            }
            pause(Duration.ofMillis(300));
        }
        throw new AssertionError("Not all of " + referralIds.size() + " referrals were delivered within " + timeout);
    }

    private static void step(Api volunteer, String jobId, String step, Map<String, Object> body) {
        volunteer.post("/api/v1/jobs/" + jobId + "/" + step, body);
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> list(Set<String> ids) {
        return new ArrayList<>(ids);
    }
}
