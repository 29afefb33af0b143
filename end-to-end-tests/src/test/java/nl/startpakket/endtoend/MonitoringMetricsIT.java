package nl.startpakket.endtoend;

import static nl.startpakket.endtoend.ChainEndToEndIT.CHAIN;
import static nl.startpakket.endtoend.ChainEndToEndIT.awaitQueuedJob;
import static nl.startpakket.endtoend.ChainEndToEndIT.awaitStatus;
import static nl.startpakket.endtoend.ChainEndToEndIT.workJobThrough;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import nl.startpakket.events.CloudEventHeaders;
import nl.startpakket.localstack.Service;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every metric that the dashboard ({@code docker/grafana/dashboards/startpakket.json}) and the alert
 * rules ({@code docker/prometheus/alerts.yml}) read is one the running services really export: each
 * PromQL expression is taken apart ({@link PromQl}) and each metric name must appear in the
 * {@code /actuator/prometheus} scrape of one of the four services Prometheus scrapes, or be one
 * Prometheus makes itself. Counters with tags appear only after their first event, so first a
 * municipality of its own (Nijmegen, GM0268, whose contract allows one package) sees every event the
 * services count: a referral funded, packed and delivered, a duplicate rejected, one on hold over the
 * cap and the budget, an invoice, and a poison message dead-lettered.
 */
@Order(BillingDayAhead.ORDER)
class MonitoringMetricsIT {

    static final String NIJMEGEN = "GM0268";

    /** Series Prometheus makes itself: the scrape's health and the alert rules' state. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up", "ALERTS");

    /** The services docker/prometheus/prometheus.yml scrapes (the identity provider is Keycloak there). */
    private static final List<Service> SCRAPED = List.of(Service.REFERRAL, Service.FULFILMENT, Service.BILLING, Service.REPORTING);

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();

    @Test
    void everyMetricTheDashboardAndTheAlertRulesReadIsOneTheServicesExport() throws IOException {
        Map<String, Set<String>> readBy = new TreeMap<>();
        readByTheDashboard(readBy);
        readByTheAlertRules(readBy);
        assertThat(readBy).as("metrics the dashboard and the rules read").containsKeys("up",
                "startpakket_dead_letters_total", "spring_cloud_stream_binder_kafka_offset", "startpakket_contract_cap_used_percent");

        RunningStack.get();
        Set<String> exported = new TreeSet<>(PROMETHEUS_OWN);
        // billing a day ahead: today's delivery then lies in a closed period, so it can be invoiced today
        BillingDayAhead.from();
        countEveryKindOfEvent();
        // the counters follow the events asynchronously (tracking processors, the dead-letter retries)
        await().atMost(CHAIN).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            SCRAPED.forEach(service -> exported.addAll(exportedNames(service)));
            Map<String, Set<String>> missing = new TreeMap<>(readBy);
            missing.keySet().removeAll(exported);
            assertThat(missing).as("metrics read by the dashboard or an alert rule that no service exports").isEmpty();
        });
        System.out.println("MONITORING: the " + readBy.size() + " metrics the dashboard and the alert rules read are all exported: " + readBy.keySet());
    }

    /** Nijmegen's own contract (one package, budget for one), partner and referrals: every business counter counts once. */
    private static void countEveryKindOfEvent() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String contractId = "nijmegen-monitoring-" + suffix;
        MunicipalityOnboardingIT.registerContract(contractId, NIJMEGEN, "Gemeente Nijmegen", "50.00", 1, "50.00");
        Api partner = RunningStack.api(Service.REFERRAL).asPartner(MunicipalityOnboardingIT.newPartnerKey(
                "wijkteam-nijmegen-" + suffix, "Wijkteam Nijmegen " + suffix, NIJMEGEN));

        Map<String, Object> household = Referrals.baby(NIJMEGEN, "Nijmegen");
        String funded = submit(partner, household, "ACCEPTED");
        submit(partner, household, "REJECTED");
        awaitStatus(partner, funded, "FUNDED");
        String held = submit(partner, Referrals.baby(NIJMEGEN, "Nijmegen"), "ACCEPTED");
        awaitStatus(partner, held, "ON_HOLD");

        workJobThrough(awaitQueuedJob(funded), "volunteer");
        awaitStatus(partner, funded, "DELIVERED");
        Api finance = RunningStack.api(Service.BILLING).asStaff("finance");
        await().atMost(CHAIN).untilAsserted(() ->
                assertThat(finance.get("/api/v1/contracts/" + contractId).json().at("/usage/delivered").asInt()).isEqualTo(1));
        Api.Response invoice = finance.post("/api/v1/contracts/" + contractId + "/invoices", Map.of("periodEnd", LocalDate.now().toString()));
        assertThat(invoice.status()).as(invoice.toString()).isBetween(200, 201);

        String poisonKey = "monitoring-poison-" + suffix;
        Topics.sendRaw("startpakket.referral.v1", poisonKey, "{not json".getBytes(StandardCharsets.UTF_8), Map.of(
                CloudEventHeaders.ID, UUID.randomUUID().toString(), CloudEventHeaders.TYPE, "referral.ReferralAccepted",
                CloudEventHeaders.SCHEMA_VERSION, "1", CloudEventHeaders.SUBJECT, poisonKey));
    }

    private static String submit(Api partner, Map<String, Object> referral, String expectedStatus) {
        Api.Response created = partner.post("/api/v1/referrals", referral);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).as(created.toString()).isEqualTo(expectedStatus);
        return created.json().get("referralId").asText();
    }

    /** The metric names of a service's scrape: its sample lines, not its comments. */
    private static Set<String> exportedNames(Service service) {
        Api.Response scrape = RunningStack.api(service).getText("/actuator/prometheus");
        assertThat(scrape.status()).as(service + " scrape").isEqualTo(200);
        Set<String> names = new TreeSet<>();
        for (String line : scrape.body().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    /** The metrics each PromQL expression of the dashboard reads (panel targets, variable queries), with where. */
    private static void readByTheDashboard(Map<String, Set<String>> readBy) throws IOException {
        JsonNode dashboard = Api.JSON.readTree(REPOSITORY.resolve("docker/grafana/dashboards/startpakket.json").toFile());
        for (JsonNode variable : dashboard.at("/templating/list")) {
            if ("query".equals(variable.path("type").asText())) {
                JsonNode query = variable.path("query");
                record(readBy, PromQl.metricNamesOfVariableQuery(query.isObject() ? query.path("query").asText() : query.asText()),
                        "dashboard variable " + variable.path("name").asText());
            }
        }
        int targets = readByPanels(dashboard.path("panels"), readBy);
        assertThat(targets).as("queries in the dashboard").isGreaterThan(20);
    }

    private static int readByPanels(JsonNode panels, Map<String, Set<String>> readBy) {
        int targets = 0;
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                record(readBy, PromQl.metricNames(target.path("expr").asText()), "dashboard panel \"" + panel.path("title").asText() + "\"");
                targets++;
            }
            targets += readByPanels(panel.path("panels"), readBy);
        }
        return targets;
    }

    /** The metrics each alert rule's expression reads, with the rule's name. */
    private static void readByTheAlertRules(Map<String, Set<String>> readBy) throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(REPOSITORY.resolve("docker/prometheus/alerts.yml")));
        int count = 0;
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                Map<?, ?> definition = (Map<?, ?>) rule;
                record(readBy, PromQl.metricNames(String.valueOf(definition.get("expr"))), "alert rule " + definition.get("alert"));
                count++;
            }
        }
        assertThat(count).as("alert rules").isGreaterThanOrEqualTo(7);
    }

    private static void record(Map<String, Set<String>> readBy, Set<String> names, String where) {
        names.forEach(name -> readBy.computeIfAbsent(name, n -> new TreeSet<>()).add(where));
    }
}
