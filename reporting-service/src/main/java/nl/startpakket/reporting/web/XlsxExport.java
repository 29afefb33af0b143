package nl.startpakket.reporting.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The same figures as the CSV in a workbook: "Figures" (every figure with its label), "Per
 * month" (referrals and deliveries by month) and "Definitions" (what every figure means and the
 * suppression rule). Counts are numbers; a suppressed count stays the text "<5" or "x".
 */
public final class XlsxExport {

    private XlsxExport() {
    }

    public static byte[] write(EvaluationView view, Labels labels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Startpakket reporting-service", "1.0");
            figures(workbook.newWorksheet(labels.get("sheet.figures")), view, labels);
            months(workbook.newWorksheet(labels.get("sheet.months")), view, labels);
            definitions(workbook.newWorksheet(labels.get("sheet.definitions")), view, labels);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void figures(Worksheet sheet, EvaluationView view, Labels labels) {
        int row = header(sheet, view, labels);
        String[] columns = {labels.get("column.section"), labels.get("column.figure"), labels.get("column.breakdown"),
                labels.get("column.value")};
        for (int c = 0; c < columns.length; c++) {
            sheet.value(row, c, columns[c]);
            sheet.style(row, c).bold().fillColor("D9E2EC").set();
        }
        row++;
        for (EvaluationView.FigureRow figure : view.rows()) {
            sheet.value(row, 0, labels.get("section." + figure.section()));
            sheet.value(row, 1, labels.get("figure." + figure.section() + "." + figure.figure()));
            sheet.value(row, 2, breakdown(figure, labels));
            value(sheet, row, 3, figure.value());
            row++;
        }
        sheet.width(0, 16);
        sheet.width(1, 48);
        sheet.width(2, 24);
        sheet.width(3, 14);
    }

    private static void months(Worksheet sheet, EvaluationView view, Labels labels) {
        int row = header(sheet, view, labels);
        List<String> columns = List.of(labels.get("table.month"), labels.get("chart.monthly.referrals"),
                labels.get("phase.BABY"), labels.get("phase.TODDLER"), labels.get("chart.monthly.deliveries"),
                labels.get("phase.BABY"), labels.get("phase.TODDLER"));
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(row, c, columns.get(c));
            sheet.style(row, c).bold().fillColor("D9E2EC").set();
        }
        row++;
        for (EvaluationView.MonthView m : view.months()) {
            sheet.value(row, 0, m.month());
            value(sheet, row, 1, m.referrals());
            value(sheet, row, 2, m.referralsBaby());
            value(sheet, row, 3, m.referralsToddler());
            value(sheet, row, 4, m.deliveries());
            value(sheet, row, 5, m.deliveriesBaby());
            value(sheet, row, 6, m.deliveriesToddler());
            row++;
        }
        sheet.width(0, 12);
    }

    private static void definitions(Worksheet sheet, EvaluationView view, Labels labels) {
        int row = header(sheet, view, labels);
        for (String text : Definitions.all(labels, view)) {
            sheet.value(row, 0, text);
            sheet.style(row, 0).wrapText(true).set();
            row++;
        }
        sheet.width(0, 120);
    }

    private static int header(Worksheet sheet, EvaluationView view, Labels labels) {
        sheet.value(0, 0, labels.get("pdf.title", view.municipalityName() + " (" + view.municipality() + ")"));
        sheet.style(0, 0).bold().set();
        sheet.value(1, 0, labels.get("period.label", view.from().toString(), view.to().toString()));
        int row = 2;
        if (view.simulated()) {
            sheet.value(row++, 0, labels.get("pdf.simulated"));
        }
        sheet.value(row++, 0, labels.get(view.suppressed() ? "banner.suppressed" : "banner.exact",
                view.suppressionThreshold()));
        return row + 1;
    }

    private static String breakdown(EvaluationView.FigureRow figure, Labels labels) {
        String key = figure.breakdown();
        if (key.isEmpty()) {
            return "";
        }
        return switch (figure.figure()) {
            case "byStatus" -> labels.get("status." + key);
            case "byPhase" -> labels.get("phase." + key);
            case "byIntermediaryType" -> labels.get("intermediary." + key);
            case "rejectedByReason", "heldByReason" -> labels.get("reason." + key);
            default -> key;
        };
    }

    private static void value(Worksheet sheet, int row, int column, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Number number) {
            sheet.value(row, column, number);
        } else if (value instanceof String text && isAmount(text)) {
            sheet.value(row, column, new BigDecimal(text));
        } else {
            sheet.value(row, column, value.toString());
        }
    }

    private static boolean isAmount(String text) {
        return text.matches("-?\\d+\\.\\d{2}");
    }
}
