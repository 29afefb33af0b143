package nl.startpakket.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One measured quantity, repeated: its runs, their median and spread, and what it is compared with
 * (its raw baseline from the same run, if any). Never a pass or a fail.
 */
public final class Figure {

    private final String id;
    private final String label;
    private final String unit;
    private final boolean higherIsBetter;
    private final List<Double> runs = new ArrayList<>();
    private String note = "";
    private Figure baseline;

    Figure(String id, String label, String unit, boolean higherIsBetter) {
        this.id = id;
        this.label = label;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
    }

    public Figure add(double value) {
        runs.add(value);
        return this;
    }

    public Figure note(String note) {
        this.note = note;
        return this;
    }

    public Figure against(Figure baseline) {
        this.baseline = baseline;
        return this;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public List<Double> runs() {
        return List.copyOf(runs);
    }

    public String note() {
        return note;
    }

    public Figure baseline() {
        return baseline;
    }

    public boolean measured() {
        return !runs.isEmpty();
    }

    public double median() {
        return Stats.median(runs);
    }

    public double min() {
        return runs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    public double max() {
        return runs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** The median as a fraction of the baseline's median (NaN without a baseline). */
    public double ratio() {
        return baseline == null || !baseline.measured() ? Double.NaN : median() / baseline.median();
    }

    /** e.g. {@code 1,234 referrals/s (1,180–1,300, n=3)} */
    public String summary() {
        if (!measured()) {
            return "not measured";
        }
        return format(median()) + " " + unit + " (" + spread() + ")";
    }

    /** {@code min–max, n=3} */
    public String spread() {
        if (!measured()) {
            return "";
        }
        return runs.size() == 1 ? "n=1" : format(min()) + "–" + format(max()) + ", n=" + runs.size();
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return "∞";
        }
        double abs = Math.abs(value);
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (abs >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
