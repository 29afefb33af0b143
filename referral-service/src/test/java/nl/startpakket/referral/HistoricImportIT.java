package nl.startpakket.referral;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import nl.startpakket.events.Topics;
import nl.startpakket.events.referral.v1.HistoricReferralImported;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.platform.testing.TopicProbe;
import nl.startpakket.referral.history.HistoricImports;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A coordinator imports Heerlen's years before Startpakket: the dry run names every refused row and
 * its reason and stores nothing, a file with refused rows is not imported, a clean one lands as
 * {@code referral.HistoricReferralImported} events with their business dates and no personal
 * data, the same file again changes nothing, and the same rows in a re-exported file are not
 * imported twice.
 */
@ServiceIntegrationTest
class HistoricImportIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    TestRestTemplate http;

    @Autowired
    HistoricImports imports;

    @Test
    void theDryRunNamesEachRefusedRowAndItsReasonAndAFileWithRefusedRowsIsNotImported() throws Exception {
        String ref = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = """
                Referentie;Naam;Adres;Gemeente;Fase;Soort verwijzer;Aanmelddatum;Leverdatum;Gefactureerd
                %1$s-1;A. Jansen;Akerstraat 1;GM0917;peuter;consultatiebureau;08-03-2021;29-03-2021;ja
                %1$s-2;B. de Vries;Akerstraat 2;GM0917;baby;verloskundige;10-03-2021;01-03-2021;nee
                %1$s-3;C. Smit;Akerstraat 3;GM9999;baby;verloskundige;10-03-2021;;nee
                %1$s-4;D. Bakker;Akerstraat 4;Heerlen;baby;buurman;10-03-2021;;nee
                %1$s-5;E. Visser;Akerstraat 5;GM0917;TODDLER;SOCIAL_CARE;2014-12-31;;
                %1$s-6;F. Mulder;Akerstraat 6;GM0917;baby;gemeente;12-04-2022;20-04-2022;
                """.formatted(ref);

        ResponseEntity<String> dryRun = upload(csv.getBytes(StandardCharsets.UTF_8), "heerlen-fouten.csv", true);
        assertThat(dryRun.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode report = JSON.readTree(dryRun.getBody());
        assertThat(report.get("rows").asInt()).isEqualTo(6);
        assertThat(report.get("accepted").asInt()).isEqualTo(1);
        assertThat(report.get("refused").findValuesAsText("row")).containsExactly("3", "4", "5", "6", "7");
        assertThat(reason(report, 3)).contains("delivery date 2021-03-01 lies before the referral date 2021-03-10");
        assertThat(reason(report, 4)).contains("GM9999").contains("CBS list");
        assertThat(reason(report, 5)).contains("intermediary type buurman");
        assertThat(reason(report, 6)).contains("before 2015-01-01");
        assertThat(reason(report, 7)).contains("Invoiced is empty");
        assertThat(JSON.convertValue(report.get("ignoredColumns"), List.class)).containsExactly("Naam", "Adres");
        assertThat(report.get("fileSha256").asText()).hasSize(64);
        assertThat(dryRun.getBody()).doesNotContain("Jansen", "Akerstraat");

        ResponseEntity<String> refused = upload(csv.getBytes(StandardCharsets.UTF_8), "heerlen-fouten.csv", false);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(JSON.readTree(refused.getBody()).get("refused").size()).isEqualTo(5);
        assertThat(list().findValuesAsText("fileSha256")).doesNotContain(report.get("fileSha256").asText());
    }

    @Test
    void aCleanFileLandsWithItsBusinessDatesAndTheSameFileAgainChangesNothing() throws Exception {
        String ref = "it-" + UUID.randomUUID().toString().substring(0, 8);
        String csv = """
                Referentie,Naam,Gemeente,Fase,Soort verwijzer,Aanmelddatum,Leverdatum,Gefactureerd
                %1$s-1,A. Jansen,GM0917,peuter,consultatiebureau,08-03-2021,29-03-2021,ja
                %1$s-2,B. de Vries,0917,baby,verloskundige,2022-05-10,2022-06-01,nee
                %1$s-3,C. Smit,Heerlen,baby,gemeente,10-11-2023,,
                """.formatted(ref);
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);

        assertThat(JSON.readTree(upload(file, "heerlen.csv", true).getBody()).get("refused")).isEmpty();
        ResponseEntity<String> first = upload(file, "heerlen.csv", false);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode imported = JSON.readTree(first.getBody());
        String importId = imported.get("importId").asText();
        assertThat(first.getHeaders().getLocation()).hasToString("/api/v1/imports/" + importId);
        assertThat(imported.get("imported").asInt()).isEqualTo(3);
        assertThat(imported.get("alreadyPresent").asInt()).isZero();

        HistoricReferralImported invoiced = TopicProbe.await(HistoricReferralImported.class,
                e -> e.importId().equals(importId) && e.phase() == Phase.TODDLER, TIMEOUT);
        assertThat(invoiced.municipality()).isEqualTo("GM0917");
        assertThat(invoiced.intermediaryType()).isEqualTo(IntermediaryType.CONSULTATION_BUREAU);
        assertThat(invoiced.referredOn()).isEqualTo(LocalDate.of(2021, 3, 8));
        assertThat(invoiced.deliveredOn()).isEqualTo(LocalDate.of(2021, 3, 29));
        assertThat(invoiced.invoicedBeforeStartpakket()).isTrue();
        List<ConsumerRecord<String, byte[]>> landed = ofImport(importId, 3);
        assertThat(landed).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
        assertThat(landed).allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).doesNotContain("Jansen", ref));

        ResponseEntity<String> again = upload(file, "heerlen-nogmaals.csv", false);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode second = JSON.readTree(again.getBody());
        assertThat(second.get("alreadyImported").asBoolean()).isTrue();
        assertThat(second.get("imported").asInt()).isZero();
        // the dry run knows the file from the list of imports, a projection that follows shortly
        Awaitility.await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(JSON.readTree(upload(file, "heerlen.csv", true).getBody()).get("alreadyImported").asBoolean()).isTrue());

        // the same rows re-exported (another separator, order and column), so another file: no referral twice
        String reExported = """
                Gemeente;Fase;Soort verwijzer;Aanmelddatum;Leverdatum;Gefactureerd;Telefoon;Referentie
                GM0917;baby;gemeente;10-11-2023;;nee;0451234567;%1$s-3
                GM0917;peuter;consultatiebureau;08-03-2021;29-03-2021;ja;0451234568;%1$s-1
                GM0917;baby;verloskundige;10-05-2022;01-06-2022;nee;0451234569;%1$s-2
                """.formatted(ref);
        JsonNode third = JSON.readTree(upload(reExported.getBytes(StandardCharsets.UTF_8), "heerlen-export-2.csv", false).getBody());
        assertThat(third.get("importId").asText()).isNotEqualTo(importId);
        assertThat(third.get("imported").asInt()).isZero();
        assertThat(third.get("alreadyPresent").asInt()).isEqualTo(3);
        assertThat(TopicProbe.events(HistoricReferralImported.class, TopicProbe.readAll(Topics.REFERRAL, Duration.ofMillis(500)))
                .stream().filter(e -> e.importId().equals(third.get("importId").asText()))).isEmpty();
        assertThat(ofImport(importId, 3)).as("nothing more of the first import").hasSize(3);

        JsonNode done = list();
        assertThat(done.findValuesAsText("importId")).contains(importId, third.get("importId").asText());
        JsonNode mine = one(importId);
        assertThat(mine.get("fileName").asText()).isEqualTo("heerlen.csv");
        assertThat(mine.get("importedBy").asText()).isEqualTo("it-coordinator");
        assertThat(mine.get("rows").asInt()).isEqualTo(3);
        assertThat(mine.get("imported").asInt()).isEqualTo(3);
    }

    @Test
    void readsAnXlsxUploadWithDateCellsAndEnglishHeaders() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("History");
            String[] headers = {"Municipality", "Phase", "Intermediary type", "Referral date", "Delivered on", "Invoiced", "Name"};
            for (int c = 0; c < headers.length; c++) {
                sheet.value(0, c, headers[c]);
            }
            sheet.value(1, 0, "GM0917");
            sheet.value(1, 1, "BABY");
            sheet.value(1, 2, "MIDWIFE");
            sheet.value(1, 3, LocalDate.of(2020, 2, 3));
            sheet.style(1, 3).format("dd-mm-yyyy").set();
            sheet.value(1, 4, LocalDate.of(2020, 2, 24));
            sheet.style(1, 4).format("dd-mm-yyyy").set();
            sheet.value(1, 5, "no");
            sheet.value(1, 6, "Z. " + UUID.randomUUID());
            sheet.value(2, 0, "GM0917");
            sheet.value(2, 1, "TODDLER");
            sheet.value(2, 2, "OTHER");
            sheet.value(2, 3, LocalDate.of(2030, 1, 1));
            sheet.style(2, 3).format("dd-mm-yyyy").set();
        }
        JsonNode report = JSON.readTree(upload(out.toByteArray(), "heerlen.xlsx", true).getBody());
        assertThat(report.get("rows").asInt()).isEqualTo(2);
        assertThat(report.get("accepted").asInt()).isEqualTo(1);
        assertThat(report.get("years").get("2020").asInt()).isEqualTo(1);
        assertThat(reason(report, 3)).contains("2030-01-01 lies in the future");
        assertThat(JSON.convertValue(report.get("ignoredColumns"), List.class)).containsExactly("Name");
    }

    @Test
    void refusesWhatIsNoSpreadsheetOrTooLargeOrNotACoordinators() throws Exception {
        ResponseEntity<String> garbage = raw(new byte[] {'P', 'K', 3, 4, 1, 2, 3}, MediaType.APPLICATION_OCTET_STREAM, "it-coordinator",
                "it-coordinator-password");
        assertThat(garbage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(garbage.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        ResponseEntity<String> columns = raw("Naam;Adres\nA;B\n".getBytes(StandardCharsets.UTF_8), MediaType.parseMediaType("text/csv"),
                "it-coordinator", "it-coordinator-password");
        assertThat(columns.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(JSON.readTree(columns.getBody()).get("detail").asText()).contains("gemeente", "aanmelddatum");
        ResponseEntity<String> huge = raw(new byte[9 * 1024 * 1024], MediaType.parseMediaType("text/csv"), "it-coordinator",
                "it-coordinator-password");
        assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(raw("a".getBytes(StandardCharsets.UTF_8), MediaType.parseMediaType("text/csv"), "sociaal-team-huizen",
                "sociaal-team-huizen").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aFileOfMoreRowsThanAreImportedAtOnceIsRefusedWholeWithTheLimitToSplitBy() throws Exception {
        int limit = imports.maxRows();
        assertThat(limit).as("the default: a 10,000-row history imports in one go").isEqualTo(10_000);
        StringBuilder csv = new StringBuilder("Gemeente;Fase;Soort verwijzer;Aanmelddatum;Leverdatum;Gefactureerd\n");
        for (int i = 0; i < limit + 1; i++) {
            csv.append("GM0917;baby;gemeente;").append(String.format("%02d-02-2018", 1 + i % 28)).append(";;\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        JsonNode dryRun = JSON.readTree(upload(file, "te-groot.csv", true).getBody());
        assertThat(dryRun.get("accepted").asInt()).isEqualTo(limit + 1);
        assertThat(dryRun.get("rowLimit").asInt()).as("the dry run tells the limit before anything is confirmed").isEqualTo(limit);
        ResponseEntity<String> refused = upload(file, "te-groot.csv", false);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(JSON.readTree(refused.getBody()).get("detail").asText()).contains((limit + 1) + " rows", "at most " + limit);
        assertThat(JSON.readTree(upload(file, "te-groot.csv", true).getBody()).get("alreadyImported").asBoolean()).isFalse();
    }

    private List<ConsumerRecord<String, byte[]>> ofImport(String importId, int expected) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<ConsumerRecord<String, byte[]>> records;
        do {
            records = TopicProbe.readAll(Topics.REFERRAL, Duration.ofMillis(500)).stream()
                    .filter(r -> TopicProbe.events(HistoricReferralImported.class, List.of(r)).stream()
                            .anyMatch(e -> e.importId().equals(importId)))
                    .toList();
        } while (records.size() < expected && System.nanoTime() < deadline);
        return records;
    }

    private static String reason(JsonNode report, int row) {
        for (JsonNode refusal : report.get("refused")) {
            if (refusal.get("row").asInt() == row) {
                return refusal.get("reason").asText();
            }
        }
        throw new AssertionError("Row " + row + " is not refused: " + report);
    }

    private ResponseEntity<String> upload(byte[] content, String fileName, boolean dryRun) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("it-coordinator", "it-coordinator-password");
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return http.exchange("/api/v1/imports?dryRun=" + dryRun, HttpMethod.POST, new HttpEntity<>(parts, headers), String.class);
    }

    private ResponseEntity<String> raw(byte[] content, MediaType type, String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, password);
        headers.setContentType(type);
        return http.exchange("/api/v1/imports?dryRun=true&fileName=raw.csv", HttpMethod.POST, new HttpEntity<>(content, headers),
                String.class);
    }

    private JsonNode list() throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        return get("/api/v1/imports", deadline);
    }

    private JsonNode one(String importId) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonNode found;
        do {
            found = get("/api/v1/imports/" + importId, deadline);
        } while ((found.get("imported") == null || found.get("imported").isNull()) && System.nanoTime() < deadline);
        return found;
    }

    private JsonNode get(String path, long deadline) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("it-coordinator", "it-coordinator-password");
        ResponseEntity<String> response;
        do {
            response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        } while (response.getStatusCode() != HttpStatus.OK && System.nanoTime() < deadline);
        return JSON.readTree(response.getBody());
    }
}
