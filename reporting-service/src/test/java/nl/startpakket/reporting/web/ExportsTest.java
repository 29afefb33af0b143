package nl.startpakket.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.startpakket.municipalities.MunicipalityRegister;
import nl.startpakket.reporting.EvaluationHistory;
import nl.startpakket.reporting.query.EvaluationProjection;
import nl.startpakket.reporting.query.EvaluationStore;
import nl.startpakket.reporting.query.ProjectionVersions;
import nl.startpakket.reporting.query.ReportPeriod;
import nl.startpakket.reporting.query.ReportQueries;
import nl.startpakket.reporting.query.SmallNumbers;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** CSV, XLSX and PDF carry the same figures as the view they are made from. */
class ExportsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private static MongoServer server;
    private static MongoClient client;
    private static ReportQueries queries;

    @BeforeAll
    static void projectTheKnownHistory() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        var database = client.getDatabase("exports-test");
        EvaluationStore store = new EvaluationStore(database, MunicipalityRegister.shipped());
        EvaluationProjection projection = new EvaluationProjection(store);
        EvaluationHistory.huizen2026("").forEach(e -> projection.project(e, 1));
        queries = new ReportQueries(store, new ProjectionVersions(database),
                Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Europe/Amsterdam")).toInstant(), ZoneId.of("Europe/Amsterdam")));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void shouldWriteEveryFigureOfTheViewToTheCsvWithItsLabel() {
        EvaluationView view = view(true);

        List<String> lines = new String(CsvExport.write(view, labels(Locale.forLanguageTag("nl"))), StandardCharsets.UTF_8)
                .lines().toList();

        assertThat(lines.get(0)).isEqualTo("municipality,section,figure,breakdown,value,label");
        assertThat(lines).hasSize(view.rows().size() + 1)
                .contains("GM0406,referrals,total,,10,Aanmeldingen totaal",
                        "GM0406,referrals,byStatus,DELIVERED,<5,Aanmeldingen per status",
                        "GM0406,money,reserved,,480.00,Gereserveerd (EUR excl. btw)",
                        "GM0406,contract,capReachedOn,huizen-2026,2043-10-06,Contract plafond bereikt (verwacht)");
    }

    @Test
    void shouldPutTheSameValuesInTheWorkbookAsInTheCsv() throws Exception {
        EvaluationView view = view(false);
        Labels english = labels(Locale.ENGLISH);

        List<String> csvValues = new String(CsvExport.write(view, english), StandardCharsets.UTF_8).lines().skip(1)
                .map(line -> line.substring(line.indexOf(',', line.indexOf(',', line.indexOf(',', line.indexOf(',') + 1) + 1) + 1) + 1))
                .map(rest -> rest.substring(0, rest.indexOf(',')))
                .toList();
        List<String> xlsxValues = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(XlsxExport.write(view, english)))) {
            boolean table = false;
            for (Row row : workbook.getFirstSheet().read()) {
                if (table) {
                    xlsxValues.add(row.getCellCount() > 3 && row.getCell(3) != null ? row.getCellText(3) : "");
                }
                table |= "Value".equals(row.getCellCount() > 3 ? row.getCellText(3) : null);
            }
        }

        assertThat(xlsxValues).isEqualTo(csvValues);
    }

    @Test
    void shouldCarryTheMarkersOfAnEvaluatorsViewIntoTheCsvTheWorkbookAndThePrintableReport() throws Exception {
        EvaluationView view = view(true);
        Labels english = labels(Locale.ENGLISH);

        String csv = new String(CsvExport.write(view, english), StandardCharsets.UTF_8);
        List<String> xlsxValues = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(XlsxExport.write(view, english)))) {
            for (Row row : workbook.getFirstSheet().read()) {
                xlsxValues.add(row.getCellCount() > 3 && row.getCell(3) != null ? row.getCellText(3) : "");
            }
        }
        String pdf = text(PdfReport.write(view, english, TODAY));

        // 10 referrals, 3 of them toddlers: the 7 babies are hidden too, so 10 - 7 gives nothing back
        assertThat(csv).contains("GM0406,referrals,byPhase,BABY,x,", "GM0406,referrals,byPhase,TODDLER,<5,",
                "GM0406,money,invoiced,,,");
        assertThat(xlsxValues).contains("x", "<5");
        assertThat(pdf).contains("reads \u201cx\u201d");
    }

    @Test
    void shouldPrintThePeriodChartsDefinitionsAndTheSuppressionRule() throws Exception {
        EvaluationView view = view(false);

        byte[] pdf = PdfReport.write(view, labels(Locale.ENGLISH), TODAY);

        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/evaluation-report-coordinator-en.pdf"), pdf);
        assertThat(text(pdf))
                .contains("Evaluation of the baby starter packages Huizen (GM0406)")
                .contains("February 1, 2026 to January 31, 2027")
                .contains("Referrals and deliveries per month", "Lead time from referral to hand-over (days)")
                .contains("Definitions", "Lead time: days from the referral date to the hand-over")
                .contains("Suppression: for evaluators, counts below the threshold (5)");
    }

    private static String text(byte[] pdf) throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
        }
        return text.toString();
    }

    private static EvaluationView view(boolean suppressed) {
        return EvaluationView.of(queries.evaluation(EvaluationHistory.HUIZEN,
                new ReportPeriod(EvaluationHistory.FROM, EvaluationHistory.TO)), "Huizen", new SmallNumbers(5, suppressed));
    }

    private static Labels labels(Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Labels(messages, locale);
    }
}
