package nl.startpakket.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.startpakket.localstack.DemoMailServer;
import nl.startpakket.localstack.Service;
import nl.startpakket.localstack.Stack;
import nl.startpakket.platform.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * A partner's system hears of every status of its referral across the real services, signed and
 * once per status (by {@code webhook-id}), though its endpoint is down for a while and
 * referral-service is killed (SIGKILL) mid-chain; its web form user gets the e-mails in the local
 * stack's demo inbox.
 */
class PartnerNotificationsEndToEndIT {

    static final Duration NOTIFIED = Duration.ofSeconds(120);
    static final List<String> CHAIN = List.of("ACCEPTED", "FUNDED", "PACKING", "PACKED", "DELIVERED");

    @Test
    void everyStatusArrivesOnceSignedAndInOrderAcrossAKillAndADownEndpointAndAsEmail() throws Exception {
        Stack stack = RunningStack.get();
        Api referral = RunningStack.api(Service.REFERRAL);
        Api coordinator = referral.asStaff("coordinator");
        String partnerId = "e2e-notified-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Response registered = coordinator.put("/api/v1/partners/" + partnerId, Map.of("name", "E2E notified midwife",
                "intermediaryType", "MIDWIFE", "municipalities", List.of("GM0406"), "active", true));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        Api partner = referral.asPartner(coordinator.post("/api/v1/partners/" + partnerId + "/keys", Map.of()).json()
                .get("apiKey").asText());
        String address = partnerId + "@partner.example.org";
        Api.Response user = coordinator.put("/api/v1/partners/" + partnerId + "/users/" + partnerId,
                Map.of("password", "correct horse battery", "email", address));
        assertThat(user.status()).as(user.toString()).isEqualTo(200);

        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Api.Response webhook = partner.post("/api/v1/webhooks", Map.of("url", receiver.url("startpakket")));
            assertThat(webhook.status()).as(webhook.toString()).isEqualTo(201);
            String secret = webhook.json().get("signingSecret").asText();

            // the endpoint is down: the chain goes on regardless
            receiver.answer(503);
            String referralId = partner.post("/api/v1/referrals", Referrals.baby("GM0406", "Huizen")).json().get("referralId").asText();
            ChainEndToEndIT.awaitStatus(partner, referralId, "FUNDED");
            assertThat(receiver.acceptedById()).isEmpty();
            receiver.answer(204);

            String jobId = ChainEndToEndIT.awaitQueuedJob(referralId);
            Api volunteer = RunningStack.api(Service.FULFILMENT).asStaff("volunteer");
            assertThat(volunteer.post("/api/v1/jobs/" + jobId + "/claim", Map.of()).status()).isEqualTo(200);
            assertThat(volunteer.post("/api/v1/jobs/" + jobId + "/packed", Map.of()).status()).isEqualTo(200);
            ChainEndToEndIT.awaitStatus(partner, referralId, "PACKED");
            stack.service(Service.REFERRAL).kill();
            assertThat(volunteer.post("/api/v1/jobs/" + jobId + "/handed-over", ChainEndToEndIT.handOver()).status()).isEqualTo(200);
            assertThat(volunteer.post("/api/v1/jobs/" + jobId + "/delivered", Map.of()).status()).isEqualTo(200);
            stack.service(Service.REFERRAL).start().awaitReady(Stack.READY_TIMEOUT);
            ChainEndToEndIT.awaitStatus(partner, referralId, "DELIVERED");

            await().atMost(NOTIFIED).pollInterval(Duration.ofMillis(500)).until(() -> receiver.acceptedById().size() >= CHAIN.size());
            Map<String, WebhookReceiver.Call> firstById = new LinkedHashMap<>();
            receiver.calls().stream().filter(WebhookReceiver.Call::accepted).forEach(call -> firstById.putIfAbsent(call.webhookId(), call));
            List<String> statuses = new ArrayList<>();
            for (WebhookReceiver.Call call : firstById.values()) {
                assertThat(call.body()).doesNotContain("Testouder").doesNotContain("Proefstraat");
                assertThat(WebhookReceiver.signedWith(call, secret)).as("signature of %s", call.webhookId()).isTrue();
                JsonNode event = Api.JSON.readTree(call.body());
                assertThat(event.get("subject").asText()).isEqualTo(referralId);
                assertThat(event.get("id").asText()).isEqualTo(call.webhookId());
                statuses.add(event.at("/data/status").asText());
            }
            // at-least-once with a stable id: a repeat after the kill carries the id of the status it repeats
            assertThat(statuses).containsExactlyElementsOf(CHAIN);
            for (WebhookReceiver.Call call : receiver.calls()) {
                assertThat(Api.JSON.readTree(call.body()).at("/data/status").asText())
                        .isEqualTo(Api.JSON.readTree(firstById.getOrDefault(call.webhookId(), call).body()).at("/data/status").asText());
            }

            // the delivery log is a projection of the notifications' events: it follows the calls shortly
            await().atMost(NOTIFIED).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                JsonNode log = partner.get("/api/v1/webhooks/" + webhook.json().get("webhookId").asText() + "/deliveries").json();
                assertThat(log).hasSize(CHAIN.size());
                log.forEach(n -> assertThat(n.get("state").asText()).isEqualTo("DELIVERED"));
            });

            await().atMost(NOTIFIED).pollInterval(Duration.ofMillis(500)).until(() -> mailsTo(stack, address).stream()
                    .map(DemoMailServer.Mail::notificationId).distinct().count() == CHAIN.size());
            List<DemoMailServer.Mail> mails = mailsTo(stack, address);
            assertThat(mails).allSatisfy(mail -> {
                assertThat(mail.subject()).startsWith("Startpakket: verwijzing " + referralId);
                assertThat(mail.body()).contains(referralId).doesNotContain("Testouder").doesNotContain("Proefstraat");
            });
            assertThat(mails).extracting(DemoMailServer.Mail::subject).contains("Startpakket: verwijzing " + referralId + " – Bezorgd");
        }
    }

    static List<DemoMailServer.Mail> mailsTo(Stack stack, String address) throws IOException {
        return stack.mail().received().stream().filter(mail -> mail.to().contains(address)).toList();
    }
}
