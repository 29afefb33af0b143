package nl.startpakket.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static nl.startpakket.billing.web.EInvoiceAssertions.assertServedAndPassesTheOfficialRules;
import static org.awaitility.Awaitility.await;

import com.helger.diagnostics.error.list.ErrorList;
import com.helger.ubl21.UBL21Marshaller;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.xml.transform.stream.StreamSource;
import nl.startpakket.billing.config.DemoContracts;
import nl.startpakket.billing.query.InvoiceQueries;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import nl.startpakket.events.Topics;
import nl.startpakket.events.billing.v1.BillableLineRecorded;
import nl.startpakket.events.fulfilment.v1.PackageDelivered;
import nl.startpakket.events.funding.v1.FundingOnHold;
import nl.startpakket.events.referral.v1.ReferralAccepted;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.platform.testing.TopicProbe;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Huizen pilot (1 Feb 2024 - 31 Jan 2025, EUR 80 per package, cap 125 = EUR 10,000) replayed
 * through the API and the topics: 130 referrals, 125 funded and 5 on hold, 125 deliveries with
 * redelivered events and a replay of the read model in between, monthly invoices totalling
 * exactly EUR 10,000.00 that reconcile and pass the official e-invoice rules, and the 5 funded by an amendment.
 */
@ServiceIntegrationTest
@ActiveProfiles({"test", "demo"})
class HuizenPilotIT {

    static final String CONTRACT = "huizen-pilot-2024";
    static final String HUIZEN = "GM0406";
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    InvoiceQueries invoices;

    @Test
    void shouldFund125HoldFiveInvoiceExactlyTenThousandEurosAndReconcile() throws Exception {
        Map<String, Object> terms = new HashMap<>();
        terms.put("municipality", HUIZEN);
        terms.put("validFrom", "2024-02-01");
        terms.put("validTo", "2025-01-31");
        terms.put("pricePerPackage", Map.of("BABY", "80.00", "TODDLER", "80.00"));
        terms.put("maxPackages", 125);
        terms.put("budget", "10000.00");
        terms.put("invoicePeriod", "MONTHLY");
        terms.put("invoiceRecipient", Map.of("name", "Gemeente Huizen", "street", "Postbus 5", "postalCode", "1270 AA",
                "city", "Huizen", "buyerReference", "PILOT-2024", "endpointScheme", "0190",
                "endpointId", DemoContracts.demoOin(HUIZEN)));
        assertThat(coordinator().exchange("/api/v1/contracts/" + CONTRACT, HttpMethod.PUT, json(terms), MAP)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        // 130 referrals over the pilot year, from midwives and consultation bureaus, both phases
        Map<String, ReferralAccepted> referrals = new LinkedHashMap<>();
        for (int i = 0; i < 130; i++) {
            LocalDate referralDate = LocalDate.of(2024, 2, 1).plusDays(i * 2L);
            Phase phase = i % 3 == 0 ? Phase.TODDLER : Phase.BABY;
            ReferralAccepted accepted = new ReferralAccepted(UUID.randomUUID(), Instant.now(), "R-pilot-" + UUID.randomUUID(),
                    i % 2 == 0 ? "verloskundige-huizen" : "consultatiebureau-huizen",
                    i % 2 == 0 ? IntermediaryType.MIDWIFE : IntermediaryType.CONSULTATION_BUREAU, HUIZEN, phase, referralDate,
                    DeliveryMethod.HOME_DELIVERY, i % 4 != 0, phase == Phase.BABY ? 20 + i % 15 : null);
            referrals.put(accepted.referralId(), accepted);
            TopicProbe.publish(accepted);
        }
        // redelivery: the same records again, and the same facts under new event ids
        List<ReferralAccepted> firstTen = new ArrayList<>(referrals.values()).subList(0, 10);
        firstTen.forEach(TopicProbe::publish);
        firstTen.forEach(a -> TopicProbe.publish(new ReferralAccepted(UUID.randomUUID(), Instant.now(), a.referralId(),
                a.partnerId(), a.intermediaryType(), a.municipality(), a.phase(), a.referralDate(), a.deliveryMethod(),
                a.consentFollowUp(), a.pregnancyWeekAtReferral())));

        awaitUsage(usage -> assertThat(usage).containsEntry("reserved", 125).containsEntry("onHold", 5)
                .containsEntry("remaining", 0));
        List<Map<String, Object>> held = coordinator().exchange("/api/v1/contracts/" + CONTRACT + "/held", HttpMethod.GET,
                null, LIST).getBody();
        assertThat(held).hasSize(5).allSatisfy(h -> assertThat(h).containsEntry("reason", "CAP_REACHED"));
        Set<String> heldIds = new HashSet<>();
        held.forEach(h -> heldIds.add((String) h.get("referralId")));
        Map<String, Object> contract = coordinator().exchange("/api/v1/contracts/" + CONTRACT, HttpMethod.GET, null, MAP)
                .getBody();
        assertThat(contract.get("warnings").toString()).contains("measure=CAP, thresholdPercent=80")
                .contains("measure=CAP, thresholdPercent=100").contains("measure=BUDGET, thresholdPercent=100");

        // 125 deliveries, some delivered twice under new event ids (a producer's retry)
        List<ReferralAccepted> funded = referrals.values().stream().filter(r -> !heldIds.contains(r.referralId())).toList();
        assertThat(funded).hasSize(125);
        for (ReferralAccepted r : funded) {
            TopicProbe.publish(delivered(r));
        }
        funded.subList(0, 15).forEach(r -> TopicProbe.publish(delivered(r)));

        awaitUsage(usage -> assertThat(usage).containsEntry("delivered", 125).containsEntry("reserved", 0));

        // a restart of the read side: the usage projection replays the whole event store
        replay("contract-usage");
        awaitUsage(usage -> assertThat(usage).containsEntry("delivered", 125).containsEntry("onHold", 5));

        // monthly invoices, one period asked twice
        List<String> invoiceIds = new ArrayList<>();
        for (YearMonth month = YearMonth.of(2024, 2); !month.isAfter(YearMonth.of(2025, 1)); month = month.plusMonths(1)) {
            ResponseEntity<Map<String, Object>> response = finance().exchange("/api/v1/contracts/" + CONTRACT + "/invoices",
                    HttpMethod.POST, json(Map.of("periodEnd", month.atEndOfMonth().toString())), MAP);
            if (response.getStatusCode() == HttpStatus.CREATED) {
                invoiceIds.add((String) response.getBody().get("invoiceId"));
            } else {
                assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            }
        }
        ResponseEntity<Map<String, Object>> again = finance().exchange("/api/v1/contracts/" + CONTRACT + "/invoices",
                HttpMethod.POST, json(Map.of("periodEnd", "2024-03-31")), MAP);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(invoiceIds).contains((String) again.getBody().get("invoiceId"));

        BigDecimal total = BigDecimal.ZERO;
        int lines = 0;
        Set<String> billed = new HashSet<>();
        List<String> numbers = new ArrayList<>();
        for (String invoiceId : invoiceIds) {
            Map<String, Object> invoice = finance().exchange("/api/v1/invoices/" + invoiceId, HttpMethod.GET, null, MAP).getBody();
            total = total.add(new BigDecimal((String) invoice.get("total")));
            numbers.add((String) invoice.get("number"));
            for (Object line : (List<?>) invoice.get("lines")) {
                lines++;
                assertThat(billed.add((String) ((Map<?, ?>) line).get("referralId"))).as("billed once").isTrue();
            }
            assertValidUbl(invoiceId);
        }
        assertThat(total).isEqualByComparingTo("10000.00");
        assertThat(total.scale()).isEqualTo(2);
        assertThat(lines).isEqualTo(125);
        assertThat(billed).containsExactlyInAnyOrderElementsOf(funded.stream().map(ReferralAccepted::referralId).toList());
        assertGapless(numbers);
        List<String> all = finance().exchange("/api/v1/invoices", HttpMethod.GET, null, LIST).getBody().stream()
                .map(i -> (String) i.get("number")).toList();
        assertGapless(all);
        Map<String, List<Integer>> byYear = new HashMap<>();
        all.forEach(n -> byYear.computeIfAbsent(n.substring(0, 4), y -> new ArrayList<>()).add(Integer.parseInt(n.substring(5))));
        byYear.values().forEach(sequence -> assertThat(sequence.stream().sorted().toList())
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, sequence.size()).boxed().toList()));

        Map<String, Object> reconciliation = finance().exchange("/api/v1/contracts/" + CONTRACT + "/reconciliation",
                HttpMethod.GET, null, MAP).getBody();
        assertThat(reconciliation).containsEntry("balanced", true).containsEntry("deliveredPackages", 125)
                .containsEntry("invoicedLines", 125).containsEntry("invoicedAmount", "10000.00")
                .containsEntry("notYetInvoicedLines", 0);
        awaitUsage(usage -> assertThat(usage).containsEntry("invoicedAmount", "10000.00"));

        List<BillableLineRecorded> published = TopicProbe.events(BillableLineRecorded.class,
                TopicProbe.readAll(Topics.BILLING, Duration.ofSeconds(1))).stream()
                .filter(e -> e.contractId().equals(CONTRACT)).toList();
        assertThat(published).hasSize(125);
        assertThat(published.stream().map(BillableLineRecorded::referralId).distinct().count()).isEqualTo(125);
        assertThat(TopicProbe.events(FundingOnHold.class, TopicProbe.readAll(Topics.FUNDING, Duration.ofSeconds(1))).stream()
                .filter(e -> heldIds.contains(e.referralId()))).hasSize(5);

        // the parties consult and agree on 5 more packages: the waiting referrals are funded
        ResponseEntity<Map<String, Object>> amended = coordinator().exchange("/api/v1/contracts/" + CONTRACT + "/amendments",
                HttpMethod.POST, json(Map.of("maxPackages", 130, "budget", "10400.00",
                        "reason", "Overleg gemeente Huizen: 5 extra pakketten")), MAP);
        assertThat(amended.getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitUsage(usage -> assertThat(usage).containsEntry("reserved", 5).containsEntry("onHold", 0)
                .containsEntry("delivered", 125));
        List<Map<String, Object>> amendments = coordinator().exchange("/api/v1/contracts/" + CONTRACT + "/amendments",
                HttpMethod.GET, null, LIST).getBody();
        assertThat(amendments).singleElement().satisfies(a -> assertThat(a).containsEntry("amendedBy", "coordinator")
                .containsEntry("previousMaxPackages", 125).containsEntry("maxPackages", 130));
    }

    private void replay(String processingGroup) {
        StreamingEventProcessor processor = processing.eventProcessor(processingGroup, StreamingEventProcessor.class)
                .orElseThrow();
        processor.shutdownAsync().join();
        processor.resetTokens();
        processor.start();
    }

    private void assertValidUbl(String invoiceId) {
        HttpHeaders accept = new HttpHeaders();
        accept.setAccept(List.of(MediaType.APPLICATION_XML));
        byte[] xml = finance().exchange("/api/v1/invoices/" + invoiceId, HttpMethod.GET, new HttpEntity<>(accept), byte[].class)
                .getBody();
        ErrorList errors = new ErrorList();
        var invoice = UBL21Marshaller.invoice().setCollectErrors(errors).read(new StreamSource(new ByteArrayInputStream(xml)));
        assertThat(errors.getAllErrors()).as(invoiceId).isEmpty();
        assertThat(invoice.getBuyerReferenceValue()).isEqualTo("PILOT-2024");
        assertServedAndPassesTheOfficialRules(xml, invoices.invoice(invoiceId).orElseThrow());
    }

    /** Numbers are unique, and all numbers of a year issued so far form the run 1..n without a gap. */
    private static void assertGapless(List<String> numbers) {
        assertThat(numbers).allMatch(n -> n.matches("\\d{4}-\\d{5}"));
        assertThat(new HashSet<>(numbers)).hasSameSizeAs(numbers);
    }

    private static PackageDelivered delivered(ReferralAccepted referral) {
        return new PackageDelivered(UUID.randomUUID(), Instant.now(), referral.referralId(), "J-" + referral.referralId(),
                HUIZEN, referral.phase(), referral.referralDate().plusDays(20));
    }

    private void awaitUsage(java.util.function.Consumer<Map<String, Object>> check) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Object> contract = coordinator().exchange("/api/v1/contracts/" + CONTRACT, HttpMethod.GET, null, MAP)
                    .getBody();
            assertThat(contract).isNotNull().containsKey("usage");
            @SuppressWarnings("unchecked")
            Map<String, Object> usage = (Map<String, Object>) contract.get("usage");
            check.accept(usage);
        });
    }

    private TestRestTemplate coordinator() {
        return http.withBasicAuth("coordinator", "coordinator");
    }

    private TestRestTemplate finance() {
        return http.withBasicAuth("finance", "finance");
    }

    private static <T> HttpEntity<T> json(T body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
