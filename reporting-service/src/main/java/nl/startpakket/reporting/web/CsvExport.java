package nl.startpakket.reporting.web;

import java.nio.charset.StandardCharsets;

/**
 * Every figure of the view as CSV (RFC 4180, UTF-8, comma separated): a stable key per figure
 * ({@code section}, {@code figure}, {@code breakdown}), the value as the viewer may see it
 * (numbers, "<5", "x" for a count hidden so that no "<5" can be worked out, or empty for an
 * amount or share an evaluator may not see), and the figure's name in the viewer's language.
 */
public final class CsvExport {

    private CsvExport() {
    }

    public static byte[] write(EvaluationView view, Labels labels) {
        StringBuilder csv = new StringBuilder();
        line(csv, "municipality", "section", "figure", "breakdown", "value", "label");
        for (EvaluationView.FigureRow row : view.rows()) {
            line(csv, view.municipality(), row.section(), row.figure(), row.breakdown(),
                    row.value() == null ? "" : row.value().toString(),
                    labels.get("figure." + row.section() + "." + row.figure()));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quote(cells[i]));
        }
        csv.append("\r\n");
    }

    static String quote(String cell) {
        if (cell == null) {
            return "";
        }
        // a leading =, +, - or @ would make a spreadsheet evaluate the cell
        String safe = !cell.isEmpty() && "=+@".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
