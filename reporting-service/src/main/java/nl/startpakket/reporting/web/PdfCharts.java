package nl.startpakket.reporting.web;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;
import java.util.List;
import nl.startpakket.reporting.query.SmallNumbers;

/**
 * Simple vector charts drawn straight into the PDF (no browser, no AWT): grouped bars over
 * categories and a cap gauge. A suppressed value (null) is drawn as a pale outlined bar up to
 * the threshold, with a note, never as a number; one hidden to protect another ("x", the
 * threshold or more) with a heavy dashed outline and a second note.
 */
final class PdfCharts {

    static final Color[] COLORS = {new Color(0x0b, 0x6e, 0x4f), new Color(0xf4, 0xa2, 0x59), new Color(0x4a, 0x7b, 0xd0),
            new Color(0x8c, 0xb3, 0x69), new Color(0x5b, 0x5f, 0x97)};
    private static final Color GRID = new Color(0xd9, 0xe2, 0xec);
    private static final Color INK = new Color(0x1f, 0x29, 0x33);
    private static final Color MUTED = new Color(0x61, 0x6e, 0x7c);

    private PdfCharts() {
    }

    /** One named series of values (null = suppressed) and their marks ("<5", "x"; null where shown). */
    record Series(String name, List<Long> values, List<String> marks) {

        boolean secondary(int i) {
            return marks != null && SmallNumbers.SECONDARY_MARKER.equals(marks.get(i));
        }
    }

    /** The notes under a chart's title: what a pale bar means, and what an outlined one means. */
    record Notes(String suppressed, String secondary) {
    }

    /** Vertical grouped bars with a title, a y axis from zero, category labels and a legend. */
    static PdfTemplate bars(PdfContentByte canvas, BaseFont font, float width, float height, String title,
                            List<String> categories, List<Series> series, Notes notes, int threshold) {
        PdfTemplate t = canvas.createTemplate(width, height);
        long max = 1;
        boolean anySuppressed = false;
        boolean anySecondary = false;
        for (Series s : series) {
            for (int i = 0; i < s.values().size(); i++) {
                Long v = s.values().get(i);
                max = Math.max(max, v == null ? threshold : v);
                anySuppressed |= v == null && !s.secondary(i);
                anySecondary |= v == null && s.secondary(i);
            }
        }
        float y = height - 11;
        for (String line : wrap(title, font, 9.5f, width)) {
            text(t, font, 9.5f, INK, 0, y, line);
            y -= 11;
        }
        if (anySuppressed) {
            text(t, font, 7, MUTED, 0, y, notes.suppressed());
            y -= 10;
        }
        if (anySecondary) {
            for (String line : wrap(notes.secondary(), font, 7, width)) {
                text(t, font, 7, MUTED, 0, y, line);
                y -= 10;
            }
        }
        if (series.size() > 1) {
            float lx = 30;
            for (int s = 0; s < series.size(); s++) {
                t.setColorFill(COLORS[s % COLORS.length]);
                t.rectangle(lx, y - 1, 8, 8);
                t.fill();
                text(t, font, 7.5f, INK, lx + 11, y, series.get(s).name());
                lx += 20 + font.getWidthPoint(series.get(s).name(), 7.5f);
            }
            y -= 10;
        }
        float slotGuess = (width - 36) / Math.max(categories.size(), 1);
        float widest = 0;
        for (String c : categories) {
            widest = Math.max(widest, font.getWidthPoint(c, 7));
        }
        boolean rotate = widest > slotGuess - 2;
        float left = 30;
        float bottom = rotate ? 12 + Math.min(widest, 60) * 0.72f : 22;
        float top = y - 4;
        float plotWidth = width - left - 6;
        float plotHeight = top - bottom;
        long step = niceStep(max);
        long axisMax = ((max + step - 1) / step) * step;
        // grid and y labels
        for (long tick = 0; tick <= axisMax; tick += step) {
            float py = bottom + plotHeight * tick / axisMax;
            t.setColorStroke(GRID);
            t.setLineWidth(0.5f);
            t.moveTo(left, py);
            t.lineTo(left + plotWidth, py);
            t.stroke();
            text(t, font, 7, MUTED, left - 4 - font.getWidthPoint(Long.toString(tick), 7), py - 2, Long.toString(tick));
        }
        int n = categories.size();
        float slot = plotWidth / Math.max(n, 1);
        float barWidth = Math.min(18, slot * 0.8f / Math.max(series.size(), 1));
        for (int i = 0; i < n; i++) {
            float groupStart = left + slot * i + (slot - barWidth * series.size()) / 2;
            for (int s = 0; s < series.size(); s++) {
                Long v = series.get(s).values().get(i);
                float x = groupStart + barWidth * s;
                Color color = COLORS[s % COLORS.length];
                if (v == null) {
                    // suppressed: a pale, outlined bar up to the threshold ("fewer than"); hidden to
                    // protect another ("the threshold or more"): a heavy dashed outline
                    float h = plotHeight * threshold / axisMax;
                    boolean secondary = series.get(s).secondary(i);
                    t.saveState();
                    t.setColorFill(pale(color));
                    t.setColorStroke(color);
                    t.setLineWidth(secondary ? 1.2f : 0.4f);
                    if (secondary) {
                        t.setLineDash(2f, 1.5f, 0f);
                    }
                    t.rectangle(x, bottom, barWidth - 1, h);
                    t.fillStroke();
                    t.restoreState();
                    continue;
                }
                float h = plotHeight * v / axisMax;
                t.setColorFill(color);
                t.rectangle(x, bottom, barWidth - 1, h);
                t.fill();
            }
            String label = categories.get(i);
            if (rotate) {
                t.saveState();
                t.beginText();
                t.setFontAndSize(font, 6.5f);
                t.setColorFill(MUTED);
                t.showTextAligned(PdfContentByte.ALIGN_RIGHT, label, left + slot * i + slot / 2 + 2, bottom - 4, 45);
                t.endText();
                t.restoreState();
            } else {
                float w = font.getWidthPoint(label, 7);
                text(t, font, 7, MUTED, left + slot * i + (slot - w) / 2, bottom - 10, label);
            }
        }
        return t;
    }

    /** A horizontal gauge: used of cap, with the forecast below. */
    static PdfTemplate gauge(PdfContentByte canvas, BaseFont font, float width, float height, String title, Long used,
                             int cap, String usedText, String forecast) {
        PdfTemplate t = canvas.createTemplate(width, height);
        text(t, font, 10, INK, 0, height - 12, title);
        float barTop = height - 40;
        t.setColorFill(GRID);
        t.rectangle(0, barTop, width, 16);
        t.fill();
        if (used != null && cap > 0) {
            t.setColorFill(COLORS[0]);
            t.rectangle(0, barTop, width * Math.min(1f, (float) used / cap), 16);
            t.fill();
        }
        text(t, font, 8.5f, INK, 0, barTop - 14, usedText);
        text(t, font, 8.5f, MUTED, 0, barTop - 28, forecast);
        return t;
    }

    /** Breaks a text into lines that fit the width. */
    static List<String> wrap(String text, BaseFont font, float size, float width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (font.getWidthPoint(candidate, size) > width && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static Color pale(Color c) {
        return new Color(255 - (255 - c.getRed()) / 5, 255 - (255 - c.getGreen()) / 5, 255 - (255 - c.getBlue()) / 5);
    }

    private static void text(PdfTemplate t, BaseFont font, float size, Color color, float x, float y, String text) {
        t.beginText();
        t.setFontAndSize(font, size);
        t.setColorFill(color);
        t.setTextMatrix(x, y);
        t.showText(text);
        t.endText();
    }

    static long niceStep(long max) {
        long raw = Math.max(1, (max + 4) / 5);
        long magnitude = 1;
        while (magnitude * 10 <= raw) {
            magnitude *= 10;
        }
        for (long f : new long[] {1, 2, 5, 10}) {
            if (f * magnitude >= raw) {
                return f * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
