package nl.startpakket.reporting;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.startpakket.events.billing.v1.ContractRegistered;
import nl.startpakket.events.referral.v1.ReferralAccepted;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.platform.testing.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The whole service against the shared broker and Mongo server: a known history published to
 * the four topics as the other services would (with duplicates), then the report as each role
 * sees it.
 */
@ServiceIntegrationTest
class ReportingServiceIT {

    private static final String HUIZEN_REPORT = "/api/v1/reports/municipalities/GM0406?from=2026-02-01&to=2027-01-31";
    private static int duplicatesPublished;

    @Autowired
    TestRestTemplate http;

    @Autowired
    MeterRegistry meterRegistry;

    @Autowired
    Clock clock;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void publishTheKnownHistoryOnce() {
        duplicatesPublished = PublishedHistory.publishOnce();
    }

    @Test
    void showsACoordinatorEveryFigureOfTheKnownHistoryExactlyDespiteDuplicates() throws Exception {
        await().atMost(60, SECONDS).pollInterval(500, java.util.concurrent.TimeUnit.MILLISECONDS)
                .until(() -> get("coordinator", HUIZEN_REPORT).path("money").path("invoiced").asText().equals("315.00")
                        && get("coordinator", HUIZEN_REPORT).path("leadTimeDays").path("p90").asInt() == 30
                        && get("coordinator", HUIZEN_REPORT).path("referrals").path("byStatus").path("PACKING").asInt() == 1);
        await().atMost(30, SECONDS).until(() -> duplicatesSkipped() >= duplicatesPublished);

        JsonNode report = get("coordinator", HUIZEN_REPORT);
        assertThat(report.path("municipality").asText()).isEqualTo("GM0406");
        assertThat(report.path("from").asText()).isEqualTo("2026-02-01");
        assertThat(report.path("to").asText()).isEqualTo("2027-01-31");
        JsonNode referrals = report.path("referrals");
        assertThat(referrals.path("total").asInt()).isEqualTo(10);
        assertThat(json.writeValueAsString(referrals.path("byStatus"))).isEqualTo(
                "{\"SUBMITTED\":1,\"ACCEPTED\":0,\"REJECTED\":1,\"FUNDED\":1,\"ON_HOLD\":1,\"PACKING\":1,\"PACKED\":0,"
                        + "\"DELIVERED\":4,\"CANCELLED\":1}");
        assertThat(json.writeValueAsString(referrals.path("byPhase"))).isEqualTo("{\"BABY\":7,\"TODDLER\":3}");
        assertThat(json.writeValueAsString(referrals.path("byIntermediaryType"))).isEqualTo(
                "{\"MUNICIPALITY\":0,\"MIDWIFE\":7,\"CONSULTATION_BUREAU\":2,\"SOCIAL_CARE\":1,\"OTHER\":0}");
        assertThat(json.writeValueAsString(report.path("deliveries"))).isEqualTo(
                "{\"total\":5,\"byPhase\":{\"BABY\":4,\"TODDLER\":1}}");
        assertThat(json.writeValueAsString(report.path("money"))).isEqualTo(
                "{\"invoiced\":\"315.00\",\"reserved\":\"480.00\",\"budget\":\"10400.00\",\"cap\":130,\"capUsed\":6}");
        assertThat(report.path("leadTimeDays").path("median").decimalValue()).isEqualByComparingTo("13.0");
        assertThat(report.path("leadTimeDays").path("p90").asInt()).isEqualTo(30);
        assertThat(report.path("babyBeforeDueDateShare").decimalValue()).isEqualByComparingTo(new BigDecimal("0.75"));
        assertThat(report.path("followUpConsents").asInt()).isEqualTo(6);
    }

    @Test
    void showsAnEvaluatorSmallCountsAsBelowTheThreshold() {
        await().atMost(60, SECONDS).until(() -> get("coordinator", HUIZEN_REPORT).path("money").path("invoiced").asText().equals("315.00"));

        JsonNode report = get("evaluator-huizen", HUIZEN_REPORT);
        assertThat(report.path("referrals").path("total").asInt()).isEqualTo(10);
        // 10 - 7 would give the 3 toddlers back: the babies are hidden too, with the marker of their own
        assertThat(report.path("referrals").path("byPhase").path("BABY").asText()).isEqualTo("x");
        assertThat(report.path("referrals").path("byPhase").path("TODDLER").asText()).isEqualTo("<5");
        assertThat(report.path("referrals").path("byStatus").path("DELIVERED").asText()).isEqualTo("<5");
        assertThat(report.path("referrals").path("byIntermediaryType").path("SOCIAL_CARE").asText()).isEqualTo("<5");
        assertThat(report.path("deliveries").path("total").asInt()).isEqualTo(5);
        assertThat(report.path("deliveries").path("byPhase").path("TODDLER").asText()).isEqualTo("<5");
        assertThat(report.path("money").path("capUsed").asInt()).isEqualTo(6);
        assertThat(report.path("money").path("reserved").asText()).isEqualTo("480.00");
        // 75.00 + 80.00 + 160.00 at two prices would tell how many packages of each contract were invoiced
        assertThat(report.path("money").path("invoiced").isNull()).isTrue();
        assertThat(report.path("followUpConsents").asInt()).isEqualTo(6);
        // 4 BABY hand-overs are too few to show their share to an evaluator
        assertThat(report.path("babyBeforeDueDateShare").isNull()).isTrue();
        assertThat(report.path("leadTimeDays").path("median").decimalValue()).isEqualByComparingTo("13.0");
    }

    @Test
    void showsTheEvaluationDetailsWithTheSameSuppression() {
        await().atMost(60, SECONDS).until(() -> get("coordinator", HUIZEN_REPORT).path("money").path("invoiced").asText().equals("315.00"));
        String path = "/api/v1/reports/municipalities/GM0406/evaluation?from=2026-02-01&to=2027-01-31";

        JsonNode exact = get("coordinator", path);
        assertThat(exact.path("months")).hasSize(12);
        assertThat(exact.path("months").get(1).path("month").asText()).isEqualTo("2026-03");
        assertThat(exact.path("months").get(1).path("referrals").asInt()).isEqualTo(2);
        assertThat(exact.path("outcomes").path("accepted").asInt()).isEqualTo(8);
        assertThat(exact.path("outcomes").path("heldByReason").path("CAP_REACHED").asInt()).isEqualTo(1);
        assertThat(exact.path("contracts").get(0).path("slotsUsed").asInt()).isEqualTo(6);
        assertThat(exact.path("suppressed").asBoolean()).isFalse();

        JsonNode suppressed = get("evaluator-huizen", path);
        assertThat(suppressed.path("suppressed").asBoolean()).isTrue();
        assertThat(suppressed.path("suppressionThreshold").asInt()).isEqualTo(5);
        assertThat(suppressed.path("months").get(1).path("referrals").asText()).isEqualTo("<5");
        assertThat(suppressed.path("outcomes").path("accepted").asInt()).isEqualTo(8);
        assertThat(suppressed.path("outcomes").path("rejected").asText()).isEqualTo("<5");
        assertThat(suppressed.path("pregnancyWeekAtReferral").path("median").decimalValue()).isEqualByComparingTo("25.0");
        assertThat(suppressed.path("weeksBeforeDueDate").path("median").isNull()).isTrue();
    }

    @Test
    void showsAnEvaluatorOnlyTheFixedPeriodsSoThatTwoAnswersCannotBeSubtracted() {
        await().atMost(60, SECONDS).until(() -> get("coordinator", HUIZEN_REPORT).path("money").path("invoiced").asText().equals("315.00"));
        String firstHalf = "/api/v1/reports/municipalities/GM0406?from=2026-02-01&to=2026-07-31";

        ResponseEntity<String> refused = http.withBasicAuth("evaluator-huizen", "evaluator-huizen").getForEntity(firstHalf, String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(read(refused.getBody()).path("publishedFrom").asText()).isEqualTo("2026-02-01");
        assertThat(read(refused.getBody()).path("publishedTo").asText()).isEqualTo("2027-01-31");
        assertThat(get("coordinator", firstHalf).path("referrals").path("total").asInt()).isEqualTo(10);
        // by default, the fixed period of today: the contract in force
        assertThat(get("evaluator-huizen", "/api/v1/reports/municipalities/GM0406").path("to").asText()).isEqualTo("2027-01-31");
    }

    @Test
    void comparesMunicipalitiesForACoordinatorOnly() {
        await().atMost(60, SECONDS).until(() -> get("coordinator", HUIZEN_REPORT).path("money").path("invoiced").asText().equals("315.00"));
        String path = "/api/v1/reports/municipalities?from=2026-01-01&to=2026-12-31";

        JsonNode all = get("coordinator", path);
        JsonNode huizen = null;
        JsonNode heerlen = null;
        for (JsonNode m : all) {
            if (m.path("municipality").asText().equals("GM0406")) {
                huizen = m;
            } else if (m.path("municipality").asText().equals("GM0917")) {
                heerlen = m;
            }
        }
        assertThat(huizen).isNotNull();
        assertThat(huizen.path("referrals").path("total").asInt()).isEqualTo(11);
        assertThat(heerlen).isNotNull();
        assertThat(heerlen.path("money").path("reserved").asText()).isEqualTo("50.00");
        assertThat(http.withBasicAuth("evaluator-huizen", "evaluator-huizen").getForEntity(path, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void rebuildsFromTheStartOfTheLogBesideTheActiveVersionAndSwitchesToTheSameFigures() {
        String evaluation = "/api/v1/reports/municipalities/GM0406/evaluation?from=2026-02-01&to=2027-01-31";
        await().atMost(60, SECONDS).until(() -> get("coordinator", HUIZEN_REPORT).path("referrals").path("byStatus")
                .path("PACKING").asInt() == 1 && get("coordinator", HUIZEN_REPORT).path("money").path("invoiced").asText()
                .equals("315.00"));
        await().atMost(30, SECONDS).until(() -> duplicatesSkipped() >= duplicatesPublished);
        JsonNode before = get("coordinator", evaluation);

        assertThat(http.withBasicAuth("evaluator-huizen", "evaluator-huizen")
                .postForEntity("/api/v1/reports/rebuild", null, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> started = http.withBasicAuth("coordinator", "coordinator")
                .postForEntity("/api/v1/reports/rebuild", null, String.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode status = read(started.getBody());
        int active = status.path("activeVersion").asInt();
        assertThat(status.path("buildingVersion").asInt()).isEqualTo(active + 1);
        // readers are served from the active version while the new one is built
        assertThat(get("coordinator", evaluation)).isEqualTo(before);

        await().atMost(60, SECONDS).until(() -> get("coordinator", "/api/v1/reports/rebuild").path("state").asText()
                .equals("SWITCHED"));
        JsonNode done = get("coordinator", "/api/v1/reports/rebuild");
        assertThat(done.path("activeVersion").asInt()).isEqualTo(active + 1);
        assertThat(done.path("eventsProjected").asLong())
                .isGreaterThanOrEqualTo(EvaluationHistory.huizen2026("x").size() + duplicatesPublished);
        assertThat(get("coordinator", evaluation)).isEqualTo(before);
    }

    @Test
    void exportsTheSameFiguresAsCsvXlsxAndAPrintableReport() throws Exception {
        await().atMost(60, SECONDS).until(() -> get("coordinator", HUIZEN_REPORT).path("money").path("invoiced").asText().equals("315.00"));
        String period = "?from=2026-02-01&to=2027-01-31";
        TestRestTemplate evaluator = http.withBasicAuth("evaluator-huizen", "evaluator-huizen");

        ResponseEntity<String> csv = evaluator.getForEntity("/api/v1/reports/municipalities/GM0406/export.csv" + period, String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("evaluatie-GM0406-2026-02-01-2027-01-31.csv");
        assertThat(csv.getBody()).contains("GM0406,referrals,total,,10,Aanmeldingen totaal\r\n")
                .contains("GM0406,referrals,byPhase,TODDLER,<5,")
                .contains("GM0406,referrals,byPhase,BABY,x,")
                .contains("GM0406,money,invoiced,,,")
                .contains("GM0406,leadTimeDays,median,,13.0,")
                .contains("GM0406,contract,slotsUsed,it-huizen-2026,6,");

        ResponseEntity<byte[]> xlsx = evaluator.getForEntity("/api/v1/reports/municipalities/GM0406/export.xlsx" + period + "&lang=en", byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        java.util.Map<String, String> cells = new java.util.HashMap<>();
        try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook =
                     new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx.getBody()))) {
            assertThat(workbook.getSheets().map(org.dhatim.fastexcel.reader.Sheet::getName).toList())
                    .containsExactly("Figures", "Per month", "Definitions");
            for (org.dhatim.fastexcel.reader.Row row : workbook.getFirstSheet().read()) {
                if (row.getCellCount() >= 4 && row.getCell(1) != null && row.getCell(3) != null) {
                    cells.put(row.getCellText(1) + "|" + row.getCellText(2), row.getCellText(3));
                }
            }
        }
        assertThat(cells).containsEntry("Referrals in total|", "10")
                .containsEntry("Referrals by phase|Toddler", "<5")
                .containsEntry("Referrals by phase|Baby", "x")
                .doesNotContainKey("Invoiced (EUR excl. VAT)|")
                .containsEntry("Agreed to follow-up contact|", "6");

        ResponseEntity<byte[]> pdf = evaluator.getForEntity("/api/v1/reports/municipalities/GM0406/report.pdf" + period, byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(org.springframework.http.MediaType.APPLICATION_PDF);
        String text = pdfText(pdf.getBody());
        assertThat(text).contains("Evaluatie babystartpakketten Huizen (GM0406)")
                .contains("1 februari 2026 t/m 31 januari 2027")
                .contains("Definities")
                .contains("Afscherming")
                .contains("<5");
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/evaluation-report-evaluator-huizen.pdf"), pdf.getBody());

        assertThat(http.withBasicAuth("evaluator-heerlen", "evaluator-heerlen")
                .getForEntity("/api/v1/reports/municipalities/GM0406/report.pdf" + period, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static String pdfText(byte[] pdf) throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        try (com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            com.lowagie.text.pdf.parser.PdfTextExtractor extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
        }
        return text.toString();
    }

    @Test
    void refusesAnEvaluatorAnotherMunicipalityAndOtherRoles() {
        ResponseEntity<String> heerlenOnHuizen = http.withBasicAuth("evaluator-heerlen", "evaluator-heerlen")
                .getForEntity(HUIZEN_REPORT, String.class);
        assertThat(heerlenOnHuizen.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(heerlenOnHuizen.getHeaders().getContentType()).hasToString("application/problem+json");

        assertThat(http.withBasicAuth("finance", "finance").getForEntity(HUIZEN_REPORT, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity(HUIZEN_REPORT, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("evaluator-heerlen", "evaluator-heerlen")
                .getForEntity("/api/v1/reports/municipalities/GM0917", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void answersBadRequestsWithProblemDetails() {
        assertThat(status("/api/v1/reports/municipalities/GM0406?from=2026-05-01&to=2026-04-01")).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status("/api/v1/reports/municipalities/GM0406?from=2026-05-01")).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status("/api/v1/reports/municipalities/GM0406?from=yesterday&to=2026-04-01")).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status("/api/v1/reports/municipalities/Huizen")).isEqualTo(HttpStatus.BAD_REQUEST);
        // found by ReportingApiFuzzIT: a period over all representable years broke it down per month until memory ran out
        assertThat(status("/api/v1/reports/municipalities/GM0406/evaluation?from=0001-01-01&to=9999-12-31"))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status("/api/v1/reports/municipalities?from=2000-01-01&to=2030-12-31")).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void coversTheContractInForceByDefaultElseTheCalendarYear() {
        LocalDate today = LocalDate.now(clock);
        TopicProbe.publish(new ContractRegistered(UUID.randomUUID(), Instant.now(), "it-amsterdam", "GM0363",
                today.minusDays(10), today.plusDays(300), new BigDecimal("50.00"), new BigDecimal("50.00"), 40, null));

        await().atMost(60, SECONDS).until(() -> get("coordinator", "/api/v1/reports/municipalities/GM0363")
                .path("from").asText().equals(today.minusDays(10).toString()));
        JsonNode report = get("coordinator", "/api/v1/reports/municipalities/GM0363");
        assertThat(report.path("to").asText()).isEqualTo(today.plusDays(300).toString());
        assertThat(report.path("money").path("cap").asInt()).isEqualTo(40);

        JsonNode noContract = get("coordinator", "/api/v1/reports/municipalities/GM0344");
        assertThat(noContract.path("from").asText()).isEqualTo(today.getYear() + "-01-01");
        assertThat(noContract.path("to").asText()).isEqualTo(today.getYear() + "-12-31");
        assertThat(noContract.path("referrals").path("total").asInt()).isZero();
    }

    @Test
    void shouldReportAMergedMunicipalitysHistoryUnderItsSuccessorAndPointItsOldCodeThere() {
        TopicProbe.publish(new ContractRegistered(UUID.randomUUID(), Instant.parse("2020-12-01T09:00:00Z"), "it-beemster-2021", "GM0370",
                LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31), new BigDecimal("50.00"), new BigDecimal("50.00"), 7, null));
        String purmerend2021 = "/api/v1/reports/municipalities/GM0439?from=2021-01-01&to=2021-12-31";

        await().atMost(60, SECONDS).until(() -> get("coordinator", purmerend2021).path("money").path("cap").asInt() == 7);
        assertThat(get("coordinator", "/api/v1/reports/municipalities?from=2021-01-01&to=2021-12-31").findValuesAsText("municipality"))
                .contains("GM0439").doesNotContain("GM0370");

        ResponseEntity<String> beemster = http.withBasicAuth("coordinator", "coordinator")
                .getForEntity("/api/v1/reports/municipalities/GM0370", String.class);
        assertThat(beemster.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(read(beemster.getBody()).path("successor").asText()).isEqualTo("GM0439");
        assertThat(read(beemster.getBody()).path("detail").asText())
                .isEqualTo("GM0370 Beemster became part of GM0439 Purmerend on 2022-01-01. Its figures are reported under GM0439.");
    }

    @Test
    void countsImportedHistoryInTheYearsOfItsBusinessDatesWithTheImportedPartBesideTheTotals() {
        String municipality = "GM0193"; // Zwolle: no other test's history
        String importId = "I-" + "1f".repeat(32);
        for (int year = 2019; year <= 2023; year++) {
            for (int i = 0; i < 6; i++) {
                LocalDate referred = LocalDate.of(year, 2 + i, 3);
                TopicProbe.publish(new nl.startpakket.events.referral.v1.HistoricReferralImported(UUID.randomUUID(),
                        Instant.parse("2026-03-01T10:00:00Z"), "R-it-history-" + year + "-" + i, municipality,
                        i % 2 == 0 ? Phase.BABY : Phase.TODDLER, IntermediaryType.MUNICIPALITY, referred,
                        i == 5 ? null : referred.plusDays(20), true, importId));
            }
        }
        String report2021 = "/api/v1/reports/municipalities/" + municipality + "?from=2021-01-01&to=2021-12-31";
        await().atMost(60, SECONDS).until(() -> get("coordinator", "/api/v1/reports/municipalities/" + municipality
                + "?from=2023-01-01&to=2023-12-31").path("imported").path("delivered").asInt() == 5);
        JsonNode year = get("coordinator", report2021);
        assertThat(year.path("referrals").path("total").asInt()).isEqualTo(6);
        assertThat(year.path("imported").path("referrals").asInt()).isEqualTo(6);
        assertThat(year.path("deliveries").path("total").asInt()).isEqualTo(5);
        assertThat(year.path("imported").path("delivered").asInt()).isEqualTo(5);
        assertThat(year.path("referrals").path("byStatus").path("DELIVERED").asInt()).isEqualTo(5);
        assertThat(year.path("money").path("capUsed").asInt()).isZero();
        JsonNode all = get("coordinator", "/api/v1/reports/municipalities/" + municipality + "?from=2019-01-01&to=2023-12-31");
        assertThat(all.path("imported").path("referrals").asInt()).isEqualTo(30);
        assertThat(all.path("deliveries").path("total").asInt()).isEqualTo(25);
    }

    @Test
    void countsTheSocialTeamsFollowUpOutcomesOfTheReferralsThatAgreedToBeContacted() {
        String apeldoorn = "GM0200";
        for (int i = 0; i < 2; i++) {
            String referralId = "R-it-follow-up-" + UUID.randomUUID();
            Instant at = Instant.parse("2021-03-0" + (i + 1) + "T09:00:00Z");
            TopicProbe.publish(new ReferralAccepted(UUID.randomUUID(), at, referralId, "it-partner", IntermediaryType.SOCIAL_CARE,
                    apeldoorn, Phase.TODDLER, LocalDate.of(2021, 3, 1 + i), DeliveryMethod.PICKUP_BY_INTERMEDIARY, true, null));
            TopicProbe.publish(new nl.startpakket.events.referral.v1.FollowUpOpened(UUID.randomUUID(), at.plusSeconds(60), referralId,
                    apeldoorn, Phase.TODDLER, LocalDate.of(2021, 3, 10)));
            if (i == 0) {
                TopicProbe.publish(new nl.startpakket.events.referral.v1.FollowUpOutcomeRecorded(UUID.randomUUID(), at.plusSeconds(120),
                        referralId, apeldoorn, Phase.TODDLER, "HELP_ACCEPTED", LocalDate.of(2021, 3, 20)));
            }
        }
        String report = "/api/v1/reports/municipalities/" + apeldoorn + "?from=2021-01-01&to=2021-12-31";
        await().atMost(60, SECONDS).until(() -> get("coordinator", report).path("followUp").path("opened").asInt() == 2);
        JsonNode followUp = get("coordinator", report).path("followUp");
        assertThat(followUp.path("byOutcome").path("HELP_ACCEPTED").asInt()).isEqualTo(1);
        assertThat(followUp.path("byOutcome").path("OPEN").asInt()).isEqualTo(1);
        assertThat(followUp.path("byOutcome").path("DECLINED").asInt()).isZero();
        assertThat(get("coordinator", report).path("followUpConsents").asInt()).isEqualTo(2);
    }

    @Test
    void countsProjectedEventsPerTypeAndMeasuresTheLagPerTopic() {
        // (Spring Boot switches the Prometheus endpoint off in tests; the registry behind it is checked)
        await().atMost(60, SECONDS).until(() -> meterRegistry.find("startpakket.reporting.events.projected")
                .tag("type", "funding.FundingReserved").counter() != null);
        assertThat(meterRegistry.get("startpakket.reporting.events.projected").tag("type", "funding.FundingReserved")
                .counter().count()).isPositive();
        await().atMost(60, SECONDS).until(() -> meterRegistry.find("startpakket.reporting.projection.lag")
                .tag("topic", "startpakket.billing.v1").gauge() != null);
        assertThat(meterRegistry.get("startpakket.reporting.projection.lag").tag("topic", "startpakket.billing.v1")
                .gauge().value()).isPositive();
    }

    private double duplicatesSkipped() {
        return meterRegistry.find("startpakket.events.duplicates").counters().stream().mapToDouble(Counter::count).sum();
    }

    private HttpStatus status(String path) {
        return HttpStatus.valueOf(http.withBasicAuth("coordinator", "coordinator").getForEntity(path, String.class)
                .getStatusCode().value());
    }

    private JsonNode get(String user, String path) {
        ResponseEntity<String> response = http.withBasicAuth(user, user).getForEntity(path, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return read(response.getBody());
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
