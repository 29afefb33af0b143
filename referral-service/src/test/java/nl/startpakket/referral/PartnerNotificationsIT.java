package nl.startpakket.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import nl.startpakket.events.fulfilment.v1.PackageDelivered;
import nl.startpakket.events.fulfilment.v1.PackagePacked;
import nl.startpakket.events.fulfilment.v1.PackingStarted;
import nl.startpakket.events.funding.v1.FundingReserved;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.platform.testing.TopicProbe;
import nl.startpakket.platform.testing.WebhookReceiver;
import nl.startpakket.referral.api.partner.PartnerTerms;
import nl.startpakket.referral.partner.PartnerAdministration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Partners hear of every status change of their referrals: a signed CloudEvent per status to each
 * webhook that wants it, exactly once by {@code webhook-id}, in order, also when the receiver is
 * down for a while; an e-mail to each web form user with an address; the delivery log and replays.
 */
@ServiceIntegrationTest
class PartnerNotificationsIT {

    static final Duration TIMEOUT = Duration.ofSeconds(40);
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> CHAIN = List.of("ACCEPTED", "FUNDED", "PACKING", "PACKED", "DELIVERED");

    @Autowired
    TestRestTemplate http;

    @Autowired
    PartnerAdministration administration;

    String partner;
    String apiKey;
    WebhookReceiver receiver;

    @BeforeEach
    void partner() {
        partner = "it-notified-" + UUID.randomUUID();
        administration.put("it-coordinator", partner, new PartnerTerms("IT notified", IntermediaryType.MIDWIFE, List.of("GM0406"), true));
        apiKey = administration.issueKey("it-coordinator", partner).apiKey();
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void sendsEveryStatusOnceSignedAndInOrderAlsoWhenTheReceiverIsDownForAWhile() throws Exception {
        JsonNode webhook = register(receiver.url("hooks/startpakket"), null);
        String secret = webhook.get("signingSecret").asText();
        assertThat(secret).startsWith("whsec_");
        String webhookId = webhook.get("webhookId").asText();

        receiver.answer(503);
        String referralId = submit();
        drive(referralId);
        await(() -> receiver.calls().stream().filter(c -> !c.accepted()).count() >= 3, "failed attempts while down");
        assertThat(receiver.acceptedById()).isEmpty();
        receiver.answer(204);

        await(() -> receiver.acceptedById().size() == CHAIN.size(), "every status once the receiver is back");
        List<WebhookReceiver.Call> accepted = acceptedInOrder();
        assertThat(accepted).extracting(call -> JSON.readTree(call.body()).at("/data/status").asText()).containsExactlyElementsOf(CHAIN);
        assertThat(receiver.acceptedById().values()).allMatch(times -> times == 1);
        assertThat(accepted).allSatisfy(call -> {
            assertThat(WebhookReceiver.signedWith(call, secret)).as("signature of %s", call.webhookId()).isTrue();
            assertThat(call.contentType()).isEqualTo("application/cloudevents+json");
            JsonNode event = JSON.readTree(call.body());
            assertThat(event.get("specversion").asText()).isEqualTo("1.0");
            assertThat(event.get("type").asText()).isEqualTo("nl.startpakket.referral.status.v1");
            assertThat(event.get("id").asText()).isEqualTo(call.webhookId());
            assertThat(event.get("subject").asText()).isEqualTo(referralId);
            assertThat(event.at("/data/referralId").asText()).isEqualTo(referralId);
            assertThat(call.body()).doesNotContain("Jansen").doesNotContain("Voorbeeldstraat");
        });

        // the delivery log: the partner's own, with the failed attempts before the delivered one (a
        // projection of the notifications' events: it follows the calls shortly)
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode log = json(exchange(HttpMethod.GET, "/api/v1/webhooks/" + webhookId + "/deliveries", bearer(), null));
            assertThat(log).hasSize(CHAIN.size());
            assertThat(find(log, accepted.get(0).webhookId()).get("state").asText()).isEqualTo("DELIVERED");
        });
        JsonNode log = json(exchange(HttpMethod.GET, "/api/v1/webhooks/" + webhookId + "/deliveries", bearer(), null));
        JsonNode accepted0 = find(log, accepted.get(0).webhookId());
        List<JsonNode> attempts = new ArrayList<>();
        accepted0.get("attempts").forEach(attempts::add);
        assertThat(attempts).hasSizeGreaterThan(1);
        assertThat(attempts.get(0).get("httpStatus").asInt()).isEqualTo(503);
        assertThat(attempts.get(attempts.size() - 1).get("httpStatus").asInt()).isEqualTo(204);
        assertThat(attempts).allSatisfy(a -> assertThat(a.has("startedAt") && a.has("durationMillis")).isTrue());

        // a replay: the same notification again, same webhook-id, fresh attempts
        String replayed = accepted.get(2).webhookId();
        ResponseEntity<String> replay = exchange(HttpMethod.POST, "/api/v1/webhooks/" + webhookId + "/deliveries/" + replayed + "/replay",
                bearer(), null);
        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await(() -> receiver.acceptedById().get(replayed) == 2, "the replay");
        assertThat(receiver.acceptedById().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(CHAIN.size() + 1);

        // the coordinator sees the same log, and can replay too
        JsonNode coordinatorView = json(exchange(HttpMethod.GET, "/api/v1/partners/" + partner + "/webhooks/" + webhookId + "/deliveries",
                coordinator(), null));
        assertThat(coordinatorView).hasSize(CHAIN.size());
        assertThat(find(coordinatorView, replayed).get("replays")).hasSize(1);
        assertThat(exchange(HttpMethod.POST, "/api/v1/partners/" + partner + "/notifications/" + replayed + "/replay", coordinator(),
                null).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await(() -> receiver.acceptedById().get(replayed) == 3, "the coordinator's replay");
    }

    @Test
    void aWebhookThatDoesNotAnswerDelaysNoOther() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            // accepts connections (the backlog), never answers: every attempt runs into the timeout
            register("http://127.0.0.1:" + silent.getLocalPort() + "/never", List.of("ACCEPTED", "FUNDED"));
            register(receiver.url("alive"), List.of("ACCEPTED", "FUNDED"));
            String first = submit();
            String second = submit();
            fund(first);
            fund(second);
            await(() -> receiver.acceptedById().size() == 4, "the live webhook's four notifications");
        }
    }

    @Test
    void mailsTheWebFormUsersWithAnAddressInTheirLanguage() throws Exception {
        String dutch = "it-nl-" + UUID.randomUUID().toString().substring(0, 8);
        String english = "it-en-" + UUID.randomUUID().toString().substring(0, 8);
        String quiet = "it-quiet-" + UUID.randomUUID().toString().substring(0, 8);
        putUser(dutch, Map.of("password", "correct horse battery", "email", dutch + "@partner.example.org"));
        putUser(english, Map.of("password", "correct horse battery"));
        putUser(english, Map.of("email", english + "@partner.example.org", "language", "en"));
        putUser(quiet, Map.of("password", "correct horse battery"));
        JsonNode shown = json(exchange(HttpMethod.GET, "/api/v1/partners/" + partner, coordinator(), null));
        assertThat(shown.get("users").toString()).contains(english + "@partner.example.org").doesNotContain("passwordHash");

        String referralId = submit();
        fund(referralId);
        await(() -> mailsFor(dutch).size() == 2 && mailsFor(english).size() == 2, "two e-mails for each user with an address");
        List<String> subjects = new ArrayList<>();
        for (MimeMessage mail : mailsFor(dutch)) {
            subjects.add(mail.getSubject());
            String body = (String) mail.getContent();
            assertThat(body).contains(referralId).doesNotContain("Jansen").doesNotContain("Voorbeeldstraat");
        }
        assertThat(subjects).containsExactlyInAnyOrder("Startpakket: verwijzing " + referralId + " – Geaccepteerd",
                "Startpakket: verwijzing " + referralId + " – Gefinancierd");
        assertThat(mailsFor(english)).extracting(MimeMessage::getSubject).contains("Startpakket: referral " + referralId + " – Funded");
        assertThat(mailsFor(quiet)).isEmpty();

        // the delivery log is a projection of the notifications' events: it follows the sending shortly
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode log = json(exchange(HttpMethod.GET, "/api/v1/partners/" + partner + "/notifications?channel=EMAIL",
                    coordinator(), null));
            assertThat(log).hasSize(4);
            log.forEach(n -> assertThat(n.get("state").asText()).isEqualTo("DELIVERED"));
        });
    }

    @Test
    void refusesBadRegistrationsWithProblemsAndShowsNoOneElsesWebhooks() throws Exception {
        ResponseEntity<String> plain = exchange(HttpMethod.POST, "/api/v1/webhooks", bearer(), Map.of("url", "http://partner.example.org/x"));
        assertThat(plain.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(plain.getHeaders().getContentType().toString()).contains("problem+json");
        assertThat(plain.getBody()).contains("\"url\"");
        ResponseEntity<String> unknown = exchange(HttpMethod.POST, "/api/v1/webhooks", bearer(),
                Map.of("url", "https://partner.example.org/x", "statuses", List.of("DELIVERED", "BOGUS")));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody()).contains("statuses[1]");
        assertThat(exchange(HttpMethod.POST, "/api/v1/webhooks", bearer(), "not json").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(exchange(HttpMethod.GET, "/api/v1/webhooks/wh-000000000000/deliveries?state=NOPE", bearer(), null)
                .getStatusCode().is4xxClientError()).isTrue();

        String webhookId = register("https://partner.example.org/events", List.of("DELIVERED")).get("webhookId").asText();
        JsonNode listed = json(exchange(HttpMethod.GET, "/api/v1/webhooks", bearer(), null));
        assertThat(listed.toString()).contains(webhookId).doesNotContain("whsec_").doesNotContain("signingSecret");

        String other = "it-other-" + UUID.randomUUID();
        administration.put("it-coordinator", other, new PartnerTerms("IT other", IntermediaryType.MIDWIFE, List.of("GM0406"), true));
        String otherKey = administration.issueKey("it-coordinator", other).apiKey();
        assertThat(exchange(HttpMethod.GET, "/api/v1/webhooks/" + webhookId, bearer(otherKey), null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(exchange(HttpMethod.DELETE, "/api/v1/webhooks/" + webhookId, bearer(otherKey), null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(exchange(HttpMethod.GET, "/api/v1/webhooks", new HttpHeaders(), null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        JsonNode coordinatorList = json(exchange(HttpMethod.GET, "/api/v1/partners/" + partner + "/webhooks", coordinator(), null));
        assertThat(coordinatorList.toString()).contains(webhookId);
        ResponseEntity<String> paused = exchange(HttpMethod.PUT, "/api/v1/partners/" + partner + "/webhooks/" + webhookId, coordinator(),
                Map.of("url", "https://partner.example.org/events", "statuses", List.of("DELIVERED"), "active", false));
        assertThat(json(paused).get("active").asBoolean()).isFalse();
        assertThat(exchange(HttpMethod.DELETE, "/api/v1/webhooks/" + webhookId, bearer(), null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(json(exchange(HttpMethod.GET, "/api/v1/webhooks", bearer(), null))).isEmpty();
    }

    // ---- helpers ----

    JsonNode register(String url, List<String> statuses) throws Exception {
        Map<String, Object> body = statuses == null ? Map.of("url", url) : Map.of("url", url, "statuses", statuses);
        ResponseEntity<String> response = exchange(HttpMethod.POST, "/api/v1/webhooks", bearer(), body);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return json(response);
    }

    void putUser(String username, Map<String, String> body) {
        ResponseEntity<String> response = exchange(HttpMethod.PUT, "/api/v1/partners/" + partner + "/users/" + username, coordinator(), body);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    }

    String submit() throws Exception {
        ResponseEntity<String> response = exchange(HttpMethod.POST, "/api/v1/referrals", bearer(),
                ReferralServiceIT.babyReferral(ReferralServiceIT.Household.random()));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        return json(response).get("referralId").asText();
    }

    void fund(String referralId) {
        TopicProbe.publish(new FundingReserved(UUID.randomUUID(), Instant.now(), referralId, "huizen-2026", "GM0406", Phase.BABY,
                LocalDate.now()));
    }

    /** Funding, packing, packed and delivered, as billing and fulfilment publish them. */
    void drive(String referralId) {
        fund(referralId);
        String job = "J-" + referralId;
        TopicProbe.publish(new PackingStarted(UUID.randomUUID(), Instant.now(), referralId, job));
        TopicProbe.publish(new PackagePacked(UUID.randomUUID(), Instant.now(), referralId, job, "GM0406", Phase.BABY, LocalDate.now()));
        TopicProbe.publish(new PackageDelivered(UUID.randomUUID(), Instant.now(), referralId, job, "GM0406", Phase.BABY,
                LocalDate.now()));
    }

    List<WebhookReceiver.Call> acceptedInOrder() {
        List<WebhookReceiver.Call> first = new ArrayList<>();
        for (WebhookReceiver.Call call : receiver.calls()) {
            if (call.accepted() && first.stream().noneMatch(c -> c.webhookId().equals(call.webhookId()))) {
                first.add(call);
            }
        }
        return first;
    }

    List<MimeMessage> mailsFor(String username) {
        return Arrays.stream(TestMailServer.get().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().startsWith(username + "@"));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    static JsonNode find(JsonNode list, String notificationId) {
        for (JsonNode n : list) {
            if (n.get("notificationId").asText().equals(notificationId)) {
                return n;
            }
        }
        throw new AssertionError("No notification " + notificationId + " in " + list);
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    HttpHeaders bearer() {
        return bearer(apiKey);
    }

    static HttpHeaders bearer(String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(key);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    static HttpHeaders coordinator() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("coordinator", "coordinator");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    ResponseEntity<String> exchange(HttpMethod method, String path, HttpHeaders headers, Object body) {
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    static JsonNode json(ResponseEntity<String> response) throws Exception {
        return JSON.readTree(response.getBody());
    }
}
