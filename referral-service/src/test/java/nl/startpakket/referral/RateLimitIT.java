package nl.startpakket.referral;

import static nl.startpakket.referral.ReferralServiceIT.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.referral.api.partner.PartnerTerms;
import nl.startpakket.referral.partner.PartnerAdministration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The rate limit per partner API key (test configuration: 40 at once, 40 per second). */
@ServiceIntegrationTest
class RateLimitIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    PartnerAdministration partners;

    String newKey() {
        String partner = "it-rate-" + UUID.randomUUID();
        partners.put("it-coordinator", partner, new PartnerTerms("IT rate", IntermediaryType.MIDWIFE, List.of("GM0406"), true));
        return partners.issueKey("it-coordinator", partner).apiKey();
    }

    ResponseEntity<String> list(String key) {
        return http.exchange("/api/v1/referrals", HttpMethod.GET, new HttpEntity<>(bearer(key)), String.class);
    }

    @Test
    void aKeyOverItsLimitGets429ProblemWithRetryAfterWhileOtherKeysGoOn() throws Exception {
        String key = newKey();
        String otherKey = newKey();
        AtomicReference<ResponseEntity<String>> limited = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> burst = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                burst.add(pool.submit(() -> {
                    for (int n = 0; n < 100 && limited.get() == null; n++) {
                        ResponseEntity<String> response = list(key);
                        if (response.getStatusCode() == HttpStatus.TOO_MANY_REQUESTS) {
                            limited.compareAndSet(null, response);
                        } else {
                            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
                            assertThat(response.getHeaders().getFirst("X-RateLimit-Limit")).isEqualTo("40");
                        }
                    }
                }));
            }
            for (Future<?> f : burst) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        ResponseEntity<String> refused = limited.get();
        assertThat(refused).as("a 429 within 800 requests").isNotNull();
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(refused.getBody()).contains("\"status\":429");
        long retryAfter = Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 2L);

        assertThat(list(otherKey).getStatusCode()).isEqualTo(HttpStatus.OK);
        Thread.sleep(retryAfter * 1000);
        assertThat(list(key).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void requestsWithoutAValidKeyAreRefusedBeforeTheyCount() {
        ResponseEntity<String> none = http.getForEntity("/api/v1/referrals", String.class);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(none.getHeaders().getFirst("X-RateLimit-Limit")).isNull();
    }
}
