package nl.startpakket.reporting.web;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard's charts draw, with the texts of the viewer's language. A suppressed count
 * arrives as null with its marker beside it: "<5" is drawn as a pale bar up to the threshold,
 * named "<5" in the tooltip, so "a few" stays visible without telling how many; "x" (hidden so
 * that no "<5" can be worked out, the threshold or more) as a pale bar with a dashed outline up
 * to the threshold, named "x" in the tooltip.
 */
public record ChartData(
        String suppressedLabel,
        String secondaryLabel,
        int threshold,
        boolean suppressed,
        Series monthly,
        Cap cap,
        Bars leadTime,
        Bars intermediaries,
        Bars weeksBeforeDueDate,
        Bars pregnancyWeek) {

    /** Two series over the months: referrals and deliveries; a mark ("<5", "x") where a value is null. */
    public record Series(String title, List<String> labels, String firstName, List<Long> first, List<String> firstMarks,
                         String secondName, List<Long> second, List<String> secondMarks) {
    }

    /** One bar series with its labels; a mark ("<5", "x") where a value is null. */
    public record Bars(String title, String seriesName, List<String> labels, List<Long> values, List<String> marks) {
    }

    /** Use of the cap of the contract in force; null numbers when suppressed (then its mark) or without a cap. */
    public record Cap(String title, String usedLabel, String remainingLabel, Long used, String usedMark, Integer cap,
                      String forecast) {
    }

    public static ChartData of(EvaluationView view, Labels labels) {
        String suppressed = labels.get("chart.suppressed", view.suppressionThreshold());
        List<String> months = new ArrayList<>();
        List<Object> referrals = new ArrayList<>();
        List<Object> deliveries = new ArrayList<>();
        for (EvaluationView.MonthView m : view.months()) {
            YearMonth month = YearMonth.parse(m.month());
            months.add(month.getMonth().getDisplayName(TextStyle.SHORT, labels.locale()) + " " + month.getYear());
            referrals.add(m.referrals());
            deliveries.add(m.deliveries());
        }
        Cap cap = view.contracts().stream().filter(c -> c.cap() != null).reduce((a, b) -> b)
                .map(c -> new Cap(labels.get("chart.cap.title") + " \u2013 " + c.contractId(), labels.get("chart.cap.used"),
                        labels.get("chart.cap.remaining"), number(c.slotsUsed()), mark(c.slotsUsed()), c.cap(),
                        Forecasts.text(c.capForecast(), labels)))
                .orElse(null);
        Map<String, Object> intermediaries = view.report().referrals().byIntermediaryType();
        return new ChartData(suppressed, labels.get("chart.secondary", view.suppressionThreshold()),
                view.suppressionThreshold(), view.suppressed(),
                new Series(labels.get("chart.monthly.title"), months, labels.get("chart.monthly.referrals"), numbers(referrals),
                        marks(referrals), labels.get("chart.monthly.deliveries"), numbers(deliveries), marks(deliveries)),
                cap,
                bars(labels.get("chart.leadTime.title"), labels.get("chart.packages"), view.leadTimeDays().buckets(), null, labels),
                bars(labels.get("chart.intermediaries.title"), labels.get("chart.referrals"), intermediaries, "intermediary.", labels),
                bars(labels.get("chart.weeksBefore.title"), labels.get("chart.packages"), view.weeksBeforeDueDate().buckets(), null, labels),
                bars(labels.get("chart.pregnancyWeek.title"), labels.get("chart.referrals"), view.pregnancyWeekAtReferral().buckets(), null, labels));
    }

    private static Bars bars(String title, String series, Map<String, Object> counts, String labelPrefix, Labels labels) {
        List<String> names = new ArrayList<>();
        counts.keySet().forEach(key -> names.add(labelPrefix == null ? key : labels.get(labelPrefix + key)));
        List<Object> values = new ArrayList<>(counts.values());
        return new Bars(title, series, names, numbers(values), marks(values));
    }

    /** A count as a number, or null when it is suppressed. */
    static Long number(Object count) {
        return count instanceof Number n ? n.longValue() : null;
    }

    /** The marker of a suppressed count ("<5" or "x"), or null when it is shown. */
    static String mark(Object count) {
        return count == null || count instanceof Number ? null : count.toString();
    }

    static List<Long> numbers(List<Object> counts) {
        return counts.stream().map(ChartData::number).toList();
    }

    static List<String> marks(List<Object> counts) {
        return counts.stream().map(ChartData::mark).toList();
    }
}
