package nl.startpakket.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A partner program posting referrals: the municipality of Heerlen with its demo API key (its
 * contract has no cap and no budget, so every referral is funded and queued), each referral for
 * another household.
 */
final class ReferralClient {

    static final String PARTNER_KEY = "demo-gemeente-heerlen";
    /** Households are numbered across the whole run, so no two referrals are duplicates. */
    private static final AtomicLong HOUSEHOLDS = new AtomicLong();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "referral-client");
                t.setDaemon(true);
                return t;
            }))
            .build();
    /** The referral service's instances, taken in turn (as a load balancer in front of them would). */
    private final List<URI> referrals;
    private final AtomicLong turn = new AtomicLong();
    private final String dueDate = LocalDate.now().plusWeeks(16).toString();

    ReferralClient(List<String> referralServiceBaseUrls) {
        this.referrals = referralServiceBaseUrls.stream().map(url -> URI.create(url + "/api/v1/referrals")).toList();
    }

    /** The outcome of one POST: the referral id on 201, else the status and body. */
    record Posted(int status, String referralId, String body) {
        boolean created() {
            return status == 201 && referralId != null;
        }
    }

    /** POSTs one referral and waits for the answer (the service answers once the referral is accepted). */
    Posted post() {
        try {
            HttpResponse<String> response = http.send(request(), HttpResponse.BodyHandlers.ofString());
            return parse(response);
        } catch (IOException e) {
            return new Posted(-1, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Posted(-1, null, "interrupted");
        }
    }

    private HttpRequest request() {
        return HttpRequest.newBuilder(referrals.get((int) (turn.getAndIncrement() % referrals.size())))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + PARTNER_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body(HOUSEHOLDS.incrementAndGet()), StandardCharsets.UTF_8))
                .build();
    }

    private static Posted parse(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            return new Posted(response.statusCode(), null, response.body());
        }
        try {
            JsonNode json = Events.JSON.readTree(response.body());
            return new Posted(201, json.path("referralId").asText(null), response.body());
        } catch (IOException e) {
            return new Posted(response.statusCode(), null, response.body());
        }
    }

    String body(long household) {
        // postal code 1000AA..9999RZ (no S as first letter: SA, SD and SS are not used), house numbers 1..9999
        long house = 1 + household % 9999;
        long rest = household / 9999;
        long digits = 1000 + rest % 9000;
        rest /= 9000;
        char first = (char) ('A' + rest % 18);
        char second = (char) ('A' + (rest / 18) % 26);
        String postalCode = digits + "" + first + second;
        return "{\"municipality\":\"GM0917\",\"phase\":\"BABY\",\"expectedDueDate\":\"" + dueDate + "\","
                + "\"parent\":{\"name\":\"Ouder " + household + "\",\"street\":\"Benchmarkstraat\",\"houseNumber\":\"" + house
                + "\",\"postalCode\":\"" + postalCode + "\",\"city\":\"Heerlen\",\"phone\":\"0612345678\","
                + "\"email\":\"ouder" + household + "@example.org\"},"
                + "\"deliveryMethod\":\"HOME_DELIVERY\",\"consentFollowUp\":true}";
    }

    /** A staff member's authorization header (demo passwords equal the user name). */
    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
