package nl.startpakket.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.referral.api.AmendReferralCommand;
import nl.startpakket.referral.api.FindReferralQuery;
import nl.startpakket.referral.api.ReferralStatus;
import nl.startpakket.referral.api.partner.PartnerTerms;
import nl.startpakket.referral.partner.PartnerAdministration;
import nl.startpakket.referral.partner.PartnerPrincipal;
import nl.startpakket.referral.query.ReferralView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/** How a request waits for the partner's view: woken by the projection here, or reading again when another instance projects. */
@ServiceIntegrationTest
class ReferralViewWaitIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @Autowired
    PartnerAdministration partners;

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    @Autowired
    ReferralIntake intake;

    @Autowired
    MongoTemplate mongo;

    String partner;
    String key;

    @BeforeEach
    void partner() {
        partner = "it-view-wait-" + UUID.randomUUID();
        partners.put("it-coordinator", partner, new PartnerTerms("IT view wait", IntermediaryType.SOCIAL_CARE, List.of("GM0406"), true));
        key = partners.issueKey("it-coordinator", partner).apiKey();
    }

    @Test
    void theViewProjectionSendsEachChangeToThoseWaitingForIt() throws Exception {
        String id = submit();
        try (SubscriptionQueryResult<Optional<ReferralView>, ReferralView> view = queries.subscriptionQuery(
                new FindReferralQuery(partner, id), ResponseTypes.optionalInstanceOf(ReferralView.class),
                ResponseTypes.instanceOf(ReferralView.class))) {
            int historyBefore = view.initialResult().block(Duration.ofSeconds(10)).orElseThrow().getHistory().size();

            commands.sendAndWait(new AmendReferralCommand(id, partner, null, null, null, null, "Bel aan bij de buren"));

            ReferralView update = view.updates().blockFirst(Duration.ofSeconds(20));
            assertThat(update.getReferralId()).isEqualTo(id);
            assertThat(update.getHistory()).hasSize(historyBefore + 1);
            assertThat(update.getHistory().get(update.getHistory().size() - 1).event()).isEqualTo("AMENDED");
        }
    }

    @Test
    void aViewChangedByAnotherInstanceIsSeenByReadingAgain() throws Exception {
        String id = submit();
        PartnerPrincipal principal = new PartnerPrincipal(partner, "IT view wait", IntermediaryType.SOCIAL_CARE, List.of("GM0406"), null);
        Query byId = Query.query(Criteria.where("_id").is(id));
        List<ReferralStatus> seen = new CopyOnWriteArrayList<>();
        try {
            // the other instance's projection writes the view; nothing here emits an update
            CompletableFuture<Void> otherInstance = CompletableFuture.runAsync(() -> mongo.updateFirst(byId,
                    Update.update("status", ReferralStatus.CANCELLED), ReferralView.class),
                    CompletableFuture.delayedExecutor(400, TimeUnit.MILLISECONDS));

            intake.awaitView(principal, id, view -> {
                seen.add(view.getStatus());
                return view.getStatus() == ReferralStatus.CANCELLED;
            });

            otherInstance.get(10, TimeUnit.SECONDS);
            assertThat(seen).first().isEqualTo(ReferralStatus.ACCEPTED);
            assertThat(seen).last().isEqualTo(ReferralStatus.CANCELLED);
        } finally {
            mongo.updateFirst(byId, Update.update("status", ReferralStatus.ACCEPTED), ReferralView.class);
        }
    }

    private String submit() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(key);
        headers.setContentType(MediaType.APPLICATION_JSON);
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        Map<String, Object> parent = Map.of("name", "A. Wachter", "street", "Voorbeeldstraat",
                "houseNumber", (1 + random.nextInt(999)) + "b", "postalCode", (1000 + random.nextInt(9000)) + " WT", "city", "Huizen");
        Map<String, Object> referral = Map.of("municipality", "GM0406", "phase", "BABY",
                "expectedDueDate", LocalDate.now().plusWeeks(20).toString(), "parent", parent,
                "deliveryMethod", "HOME_DELIVERY", "consentFollowUp", true);
        String body = http.exchange("/api/v1/referrals", HttpMethod.POST, new HttpEntity<>(referral, headers), String.class).getBody();
        return JSON.readTree(body).get("referralId").asText();
    }
}
