package nl.startpakket.endtoend;

import static nl.startpakket.endtoend.ChainEndToEndIT.CHAIN;
import static nl.startpakket.endtoend.ChainEndToEndIT.awaitStatus;
import static nl.startpakket.endtoend.ChainEndToEndIT.handOver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.startpakket.localstack.Service;
import nl.startpakket.localstack.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A municipality without any demo data (GM0344 Utrecht) onboarded entirely through the public
 * API of the running services, as a coordinator would: a contract, a partner with an API key and
 * a web-form user, an evaluator and a volunteer account at the identity provider. Then a referral
 * goes the whole way to DELIVERED, an invoice and the evaluator's report, while the evaluator of
 * another municipality sees nothing of it; the volunteer, disabled after the delivery, is refused
 * everywhere within a minute.
 */
@Order(BillingDayAhead.ORDER)
class MunicipalityOnboardingIT {

    static final String UTRECHT = "GM0344";

    static Api identity;
    static Api referral;
    static Api fulfilment;
    static Api billing;
    static Api reporting;

    @BeforeAll
    static void stack() {
        RunningStack.get();
        identity = RunningStack.api(Service.IDENTITY);
        referral = RunningStack.api(Service.REFERRAL);
        fulfilment = RunningStack.api(Service.FULFILMENT);
        billing = RunningStack.api(Service.BILLING);
        reporting = RunningStack.api(Service.REPORTING);
    }

    @Test
    void aMunicipalityWithoutDemoDataIsOnboardedThroughTheApiAndItsFirstReferralIsDeliveredInvoicedAndReported() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api coordinatorAtIdentity = identity.asStaff("coordinator");

        // staff accounts, made at run time: an evaluator of Utrecht and a volunteer
        String evaluator = "evaluator-utrecht-" + suffix;
        String evaluatorPassword = newAccount(coordinatorAtIdentity, evaluator, "EVALUATOR", UTRECHT);
        String volunteer = "volunteer-utrecht-" + suffix;
        String volunteerPassword = newAccount(coordinatorAtIdentity, volunteer, "VOLUNTEER", null);

        // the contract: a municipality is served because it has one
        String contractId = "utrecht-" + suffix;
        registerContract(contractId, UTRECHT, "Gemeente Utrecht", "65.00", 40, "2600.00");

        // the partner, its key (shown once) and a web-form user
        String partnerId = "wijkteam-utrecht-" + suffix;
        String apiKey = newPartnerKey(partnerId, "Buurtteam Utrecht " + suffix, UTRECHT);
        Api coordinatorAtReferral = referral.asStaff("coordinator");
        String webUser = "buurtteam-" + suffix;
        Api.Response user = coordinatorAtReferral.put("/api/v1/partners/" + partnerId + "/users/" + webUser,
                Map.of("password", "web-form-password-" + suffix));
        assertThat(user.status()).as(user.toString()).isEqualTo(200);

        // a referral from the new partner goes the whole way
        Api buurtteam = referral.asPartner(apiKey);
        Api.Response created = buurtteam.post("/api/v1/referrals", Referrals.baby(UTRECHT, "Utrecht"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String referralId = created.json().get("referralId").asText();
        awaitStatus(buurtteam, referralId, "FUNDED");

        Api volunteerApi = fulfilment.asStaff(volunteer, volunteerPassword);
        String jobId = await().atMost(CHAIN).pollInterval(Duration.ofMillis(300)).until(() -> {
            for (JsonNode job : volunteerApi.get("/api/v1/jobs?status=QUEUED").json()) {
                if (referralId.equals(job.get("referralId").asText())) {
                    return job.get("jobId").asText();
                }
            }
            return null;
        }, id -> id != null);
        for (String step : List.of("claim", "packed", "handed-over", "delivered")) {
            Api.Response response = volunteerApi.post("/api/v1/jobs/" + jobId + "/" + step, step.equals("handed-over") ? handOver() : Map.of());
            assertThat(response.status()).as(step + ": " + response).isEqualTo(200);
        }
        awaitStatus(buurtteam, referralId, "DELIVERED");
        LocalDate deliveredOn = LocalDate.now();

        // the volunteer leaves: disabled at the provider, refused at once there and within a minute everywhere
        String token = accessToken(volunteer, volunteerPassword);
        Api volunteerBearer = fulfilment.withToken(token);
        assertThat(volunteerBearer.get("/api/v1/jobs").status()).isEqualTo(200);
        Api.Response disabled = coordinatorAtIdentity.post("/api/v1/staff-accounts/" + volunteer + "/disable", Map.of());
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        long disabledAt = System.nanoTime();
        assertThat(identity.asStaff(volunteer, volunteerPassword).get("/api/v1/me").status()).as("at the provider: at once")
                .isEqualTo(401);

        // the web-form user of the partner signs in and sees the partner's referral
        assertThat(WebForm.signIn(RunningStack.service(Service.REFERRAL).baseUrl(), webUser, "web-form-password-" + suffix)
                .referralsPage()).contains(referralId);

        // billing: one line at the contract's price, and the invoice for the period up to yesterday
        Api finance = billing.asStaff("finance");
        await().atMost(CHAIN).untilAsserted(() ->
                assertThat(finance.get("/api/v1/contracts/" + contractId).json().at("/usage/delivered").asInt()).isEqualTo(1));
        // only a day that has ended can be invoiced: billing runs a day ahead while the treasurer invoices today
        BillingDayAhead.from();
        Api.Response invoice = finance.post("/api/v1/contracts/" + contractId + "/invoices", Map.of("periodEnd", deliveredOn.toString()));
        assertThat(invoice.status()).as(invoice.toString()).isBetween(200, 201);
        assertThat(invoice.json().get("total").asText()).isEqualTo("65.00");
        assertThat(invoice.json().get("lines")).hasSize(1);
        assertThat(invoice.json().at("/recipient/name").asText()).isEqualTo("Gemeente Utrecht");

        // the evaluator of Utrecht sees Utrecht's figures (small counts hidden), and nothing else
        Api utrechtEvaluator = reporting.asStaff(evaluator, evaluatorPassword);
        await().atMost(CHAIN).untilAsserted(() -> assertThat(reporting.asStaff("coordinator")
                .get("/api/v1/reports/municipalities/" + UTRECHT).json().at("/deliveries/total").asInt()).isEqualTo(1));
        Api.Response report = utrechtEvaluator.get("/api/v1/reports/municipalities/" + UTRECHT);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.json().get("municipality").asText()).isEqualTo(UTRECHT);
        assertThat(report.json().at("/deliveries/total").asText()).isEqualTo("<5");
        assertThat(utrechtEvaluator.get("/api/v1/reports/municipalities/GM0406").status()).isEqualTo(403);
        Api.Response otherEvaluator = reporting.asStaff("evaluator-huizen").get("/api/v1/reports/municipalities/" + UTRECHT);
        assertThat(otherEvaluator.status()).isEqualTo(403);
        assertThat(otherEvaluator.body()).doesNotContain(referralId).doesNotContain("deliveries");

        // meanwhile the disabled volunteer's token and cached credentials ran out: refused everywhere
        await().atMost(Duration.ofSeconds(60).minusNanos(System.nanoTime() - disabledAt)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    assertThat(volunteerApi.get("/api/v1/jobs").status()).as("HTTP Basic").isEqualTo(401);
                    assertThat(volunteerBearer.get("/api/v1/jobs").status()).as("bearer token").isEqualTo(401);
                });
    }

    /** A contract a coordinator registers: from 30 days ago for a year, one price for both phases, monthly invoices. */
    /** A contract registered by a coordinator through the API, invoicing {@code recipient} (e.g. "Gemeente Utrecht") electronically. */
    static void registerContract(String contractId, String municipality, String recipient, String price, int maxPackages,
                                 String budget) {
        String digits = municipality.substring(2);
        Api.Response contract = RunningStack.api(Service.BILLING).asStaff("coordinator").put("/api/v1/contracts/" + contractId, Map.of(
                "municipality", municipality,
                "validFrom", LocalDate.now().minusDays(30).toString(),
                "validTo", LocalDate.now().plusYears(1).toString(),
                "pricePerPackage", Map.of("BABY", price, "TODDLER", price),
                "maxPackages", maxPackages,
                "budget", budget,
                "invoicePeriod", "MONTHLY",
                // what e-invoices need of the municipality: its address and electronic address (an OIN of the demo's form)
                "invoiceRecipient", Map.of("name", recipient, "street", "Postbus 1", "postalCode", "1000 AA",
                        "city", "Gemeentehuis", "buyerReference", contractId, "endpointScheme", "0190",
                        "endpointId", "00000001" + "00000" + digits + "000")));
        assertThat(contract.status()).as(contract.toString()).isBetween(200, 201);
    }

    /** A new social-care partner of the municipality, registered by a coordinator; its API key (shown once). */
    static String newPartnerKey(String partnerId, String name, String municipality) {
        Api coordinator = RunningStack.api(Service.REFERRAL).asStaff("coordinator");
        Api.Response partner = coordinator.put("/api/v1/partners/" + partnerId, Map.of(
                "name", name, "intermediaryType", "SOCIAL_CARE", "municipalities", List.of(municipality), "active", true));
        assertThat(partner.status()).as(partner.toString()).isEqualTo(201);
        Api.Response key = coordinator.post("/api/v1/partners/" + partnerId + "/keys", Map.of());
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        return key.json().get("apiKey").asText();
    }

    /** A new account at the identity provider; its one-time password. */
    static String newAccount(Api coordinator, String username, String role, String municipality) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", "Test " + username);
        body.put("roles", List.of(role));
        if (municipality != null) {
            body.put("municipality", municipality);
        }
        Api.Response created = coordinator.put("/api/v1/staff-accounts/" + username, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("initialPassword").asText();
    }

    /** An access token of the account, as a staff member's program gets one (the local stack's client). */
    static String accessToken(String username, String password) {
        Api client = RunningStack.api(Service.IDENTITY).asStaff("startpakket", Stack.DEMO_CLIENT_SECRET);
        Api.Response token = client.postForm("/oauth2/token", "grant_type=password&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        return token.json().get("access_token").asText();
    }
}
