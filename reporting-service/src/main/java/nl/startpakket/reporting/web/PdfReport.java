package nl.startpakket.reporting.web;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The printable evaluation report: period, the key figures, the charts (drawn as vectors), the
 * tables, the definition of every figure and the suppression rule, in the viewer's language
 * and with the viewer's suppression. Made from the same {@link EvaluationView} as the dashboard
 * and the exports.
 */
public final class PdfReport {

    private static final Color BRAND = new Color(0x0b, 0x6e, 0x4f);
    private static final Color WARN = new Color(0xff, 0xf4, 0xce);

    private PdfReport() {
    }

    public static byte[] write(EvaluationView view, Labels labels, LocalDate today) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 42, 42, 42, 42);
        try {
            BaseFont base = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
            BaseFont bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
            Font text = new Font(base, 9.5f);
            Font small = new Font(base, 8f, Font.NORMAL, new Color(0x61, 0x6e, 0x7c));
            Font heading = new Font(bold, 13f, Font.NORMAL, BRAND);
            Font title = new Font(bold, 18f, Font.NORMAL, BRAND);
            Font strong = new Font(bold, 9.5f);

            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(labels.get("pdf.title", view.municipalityName()));
            document.addCreator("Startpakket reporting-service");
            document.open();

            document.add(new Paragraph(labels.get("pdf.title", view.municipalityName() + " (" + view.municipality() + ")"), title));
            document.add(new Paragraph(labels.get("period.label", date(view.from(), labels), date(view.to(), labels)), strong));
            document.add(new Paragraph(labels.get("pdf.generated", date(today, labels)), small));
            if (view.simulated()) {
                PdfPTable warning = new PdfPTable(1);
                warning.setWidthPercentage(100);
                warning.setSpacingBefore(6);
                PdfPCell cell = new PdfPCell(new Phrase(labels.get("pdf.simulated"), strong));
                cell.setBackgroundColor(WARN);
                cell.setPadding(6);
                warning.addCell(cell);
                document.add(warning);
            }
            Paragraph rule = new Paragraph(labels.get(view.suppressed() ? "banner.suppressed" : "banner.exact",
                    view.suppressionThreshold()), text);
            rule.setSpacingBefore(6);
            document.add(rule);

            section(document, labels.get("section.referrals"), heading);
            MunicipalityReport r = view.report();
            PdfPTable kpis = table(new float[] {3, 1.2f});
            row(kpis, labels.get("kpi.referrals"), labels.value(r.referrals().total()), text);
            row(kpis, labels.get("figure.imported.referrals"), labels.value(r.imported().referrals()), text);
            row(kpis, labels.get("kpi.deliveries"), labels.value(r.deliveries().total()), text);
            row(kpis, labels.get("figure.imported.delivered"), labels.value(r.imported().delivered()), text);
            row(kpis, labels.get("kpi.capUsed"), labels.value(r.money().capUsed())
                    + (r.money().cap() == null ? "" : " / " + r.money().cap()), text);
            row(kpis, labels.get("figure.leadTimeDays.median"), labels.value(r.leadTimeDays().median()), text);
            row(kpis, labels.get("figure.leadTimeDays.p90"), labels.value(r.leadTimeDays().p90()), text);
            row(kpis, labels.get("figure.babyBeforeDueDate.share"), r.babyBeforeDueDateShare() == null ? labels.get("kpi.none")
                    : r.babyBeforeDueDateShare().movePointRight(2).stripTrailingZeros().toPlainString() + "%", text);
            row(kpis, labels.get("figure.followUp.consents"), labels.value(r.followUpConsents()), text);
            row(kpis, labels.get("figure.followUp.opened"), labels.value(r.followUp().opened()), text);
            for (var outcome : r.followUp().byOutcome().entrySet()) {
                row(kpis, labels.get("figure.followUp.outcome." + outcome.getKey()), labels.value(outcome.getValue()), text);
            }
            row(kpis, labels.get("figure.money.invoiced"), labels.value(r.money().invoiced()), text);
            row(kpis, labels.get("figure.money.reserved"), labels.value(r.money().reserved()), text);
            row(kpis, labels.get("figure.money.budget"), labels.value(r.money().budget()), text);
            document.add(kpis);

            section(document, labels.get("section.charts"), heading);
            var canvas = writer.getDirectContent();
            float width = document.getPageSize().getWidth() - 84;
            PdfCharts.Notes mark = new PdfCharts.Notes(labels.get("chart.suppressed", view.suppressionThreshold()),
                    labels.get("chart.secondary", view.suppressionThreshold()));
            int threshold = view.suppressionThreshold();
            List<String> months = view.months().stream().map(EvaluationView.MonthView::month).toList();
            document.add(chart(PdfCharts.bars(canvas, base, width, 190, labels.get("chart.monthly.title"), months,
                    List.of(series(labels.get("chart.monthly.referrals"), view.months().stream().map(m -> m.referrals()).toList()),
                            series(labels.get("chart.monthly.deliveries"), view.months().stream().map(m -> m.deliveries()).toList())),
                    mark, threshold)));
            for (EvaluationView.ContractView c : view.contracts()) {
                if (c.cap() != null) {
                    document.add(chart(PdfCharts.gauge(canvas, base, width, 72,
                            labels.get("chart.cap.title") + " \u2013 " + c.contractId(), ChartData.number(c.slotsUsed()),
                            c.cap(), labels.get("chart.cap.used") + ": " + labels.value(c.slotsUsed()) + " / " + c.cap(),
                            labels.get("contract.capForecast") + ": " + labels.forecast(c.capForecast()))));
                }
            }
            float half = (width - 12) / 2;
            PdfPTable pair = new PdfPTable(2);
            pair.setWidthPercentage(100);
            pair.addCell(chartCell(PdfCharts.bars(canvas, base, half, 160, labels.get("chart.leadTime.title"),
                    keys(view.leadTimeDays().buckets()), List.of(series(labels.get("chart.packages"), view.leadTimeDays().buckets())), mark, threshold)));
            pair.addCell(chartCell(PdfCharts.bars(canvas, base, half, 160, labels.get("chart.intermediaries.title"),
                    keys(r.referrals().byIntermediaryType()).stream().map(k -> labels.get("intermediary." + k)).toList(),
                    List.of(series(labels.get("chart.referrals"), r.referrals().byIntermediaryType())), mark, threshold)));
            pair.addCell(chartCell(PdfCharts.bars(canvas, base, half, 160, labels.get("chart.weeksBefore.title"),
                    keys(view.weeksBeforeDueDate().buckets()), List.of(series(labels.get("chart.packages"), view.weeksBeforeDueDate().buckets())), mark, threshold)));
            pair.addCell(chartCell(PdfCharts.bars(canvas, base, half, 160, labels.get("chart.pregnancyWeek.title"),
                    keys(view.pregnancyWeekAtReferral().buckets()), List.of(series(labels.get("chart.referrals"), view.pregnancyWeekAtReferral().buckets())), mark, threshold)));
            document.add(pair);

            section(document, labels.get("section.outcomes"), heading);
            PdfPTable outcomes = table(new float[] {3, 1.2f});
            header(outcomes, labels.get("figure.referrals.byStatus"), strong);
            r.referrals().byStatus().forEach((k, v) -> row(outcomes, "   " + labels.get("status." + k), labels.value(v), text));
            header(outcomes, labels.get("figure.referrals.byPhase"), strong);
            r.referrals().byPhase().forEach((k, v) -> row(outcomes, "   " + labels.get("phase." + k), labels.value(v), text));
            header(outcomes, labels.get("section.outcomes"), strong);
            row(outcomes, labels.get("outcome.accepted"), labels.value(view.outcomes().accepted()), text);
            row(outcomes, labels.get("outcome.rejected"), labels.value(view.outcomes().rejected()), text);
            view.outcomes().rejectedByReason().forEach((k, v) -> row(outcomes, "   " + labels.get("reason." + k), labels.value(v), text));
            row(outcomes, labels.get("outcome.cancelled"), labels.value(view.outcomes().cancelled()), text);
            row(outcomes, labels.get("outcome.onHoldNow"), labels.value(view.outcomes().onHoldNow()), text);
            row(outcomes, labels.get("outcome.everHeld"), labels.value(view.outcomes().everHeld()), text);
            view.outcomes().heldByReason().forEach((k, v) -> row(outcomes, "   " + labels.get("reason." + k), labels.value(v), text));
            row(outcomes, labels.get("figure.weeksBeforeDueDate.median"), labels.value(view.weeksBeforeDueDate().median()), text);
            row(outcomes, labels.get("figure.pregnancyWeekAtReferral.median"), labels.value(view.pregnancyWeekAtReferral().median()), text);
            document.add(outcomes);

            if (!view.contracts().isEmpty()) {
                section(document, labels.get("section.contracts"), heading);
                for (EvaluationView.ContractView c : view.contracts()) {
                    PdfPTable contract = table(new float[] {3, 2});
                    row(contract, labels.get("contract.id"), c.contractId(), strong);
                    row(contract, labels.get("contract.period"), c.validFrom() + " \u2013 " + c.validTo(), text);
                    row(contract, labels.get("contract.cap"), c.cap() == null ? labels.get("contract.noCap") : c.cap().toString(), text);
                    row(contract, labels.get("contract.budget"), c.budget() == null ? labels.get("contract.noBudget") : c.budget(), text);
                    row(contract, labels.get("contract.slotsUsed"), labels.value(c.slotsUsed()), text);
                    row(contract, labels.get("contract.delivered"), labels.value(c.delivered()), text);
                    row(contract, labels.get("contract.onHoldNow"), labels.value(c.onHoldNow()), text);
                    row(contract, labels.get("contract.reservedAmount"), labels.value(c.reservedAmount()), text);
                    row(contract, labels.get("contract.invoicedAmount"), labels.value(c.invoicedAmount()), text);
                    if (c.cap() != null) {
                        row(contract, labels.get("contract.capForecast"), labels.forecast(c.capForecast()), text);
                    }
                    if (c.budget() != null) {
                        row(contract, labels.get("contract.budgetForecast"), labels.forecast(c.budgetForecast()), text);
                    }
                    contract.setSpacingAfter(6);
                    document.add(contract);
                }
            }

            section(document, labels.get("section.definitions"), heading);
            for (String definition : Definitions.all(labels, view)) {
                Paragraph p = new Paragraph(definition, text);
                p.setSpacingAfter(4);
                document.add(p);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot write the evaluation report", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static List<String> keys(Map<String, Object> counts) {
        return new ArrayList<>(counts.keySet());
    }

    private static PdfCharts.Series series(String name, Map<String, Object> counts) {
        return series(name, new ArrayList<>(counts.values()));
    }

    private static PdfCharts.Series series(String name, List<Object> counts) {
        return new PdfCharts.Series(name, ChartData.numbers(counts), ChartData.marks(counts));
    }

    private static Image chart(com.lowagie.text.pdf.PdfTemplate template) throws DocumentException {
        Image image = Image.getInstance(template);
        image.setAlignment(Element.ALIGN_CENTER);
        image.setSpacingBefore(4);
        image.setSpacingAfter(8);
        return image;
    }

    private static PdfPCell chartCell(com.lowagie.text.pdf.PdfTemplate template) throws DocumentException {
        PdfPCell cell = new PdfPCell(Image.getInstance(template));
        cell.setBorder(0);
        cell.setPadding(4);
        return cell;
    }

    private static void section(Document document, String title, Font font) throws DocumentException {
        Paragraph p = new Paragraph(title, font);
        p.setSpacingBefore(12);
        p.setSpacingAfter(6);
        document.add(p);
    }

    private static PdfPTable table(float[] widths) throws DocumentException {
        PdfPTable table = new PdfPTable(widths.length);
        table.setWidthPercentage(100);
        table.setWidths(widths);
        return table;
    }

    private static void header(PdfPTable table, String label, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(label, font));
        cell.setColspan(2);
        cell.setBackgroundColor(new Color(0xee, 0xf2, 0xf6));
        cell.setBorderColor(new Color(0xd9, 0xe2, 0xec));
        cell.setPadding(3);
        table.addCell(cell);
    }

    private static void row(PdfPTable table, String label, String value, Font font) {
        PdfPCell name = new PdfPCell(new Phrase(label, font));
        PdfPCell cell = new PdfPCell(new Phrase(value == null ? "" : value, font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        for (PdfPCell c : List.of(name, cell)) {
            c.setBorderColor(new Color(0xd9, 0xe2, 0xec));
            c.setPadding(3);
        }
        table.addCell(name);
        table.addCell(cell);
    }

    private static String date(LocalDate date, Labels labels) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(labels.locale()));
    }
}
