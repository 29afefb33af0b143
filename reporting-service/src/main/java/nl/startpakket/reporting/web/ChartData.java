package nl.startpakket.reporting.web;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard's charts draw, with the texts of the viewer's language. A suppressed count
 * ("<5") arrives as null: the page draws it as a pale bar up to the threshold, named "<5" in the
 * tooltip, so "a few" stays visible without telling how many.
 */
public record ChartData(
        String suppressedLabel,
        int threshold,
        boolean suppressed,
        Series monthly,
        Cap cap,
        Bars leadTime,
        Bars intermediaries,
        Bars weeksBeforeDueDate,
        Bars pregnancyWeek) {

    /** Two series over the months: referrals and deliveries. */
    public record Series(String title, List<String> labels, String firstName, List<Long> first, String secondName,
                         List<Long> second) {
    }

    /** One bar series with its labels. */
    public record Bars(String title, String seriesName, List<String> labels, List<Long> values) {
    }

    /** Use of the cap of the contract in force; null numbers when suppressed or without a cap. */
    public record Cap(String title, String usedLabel, String remainingLabel, Long used, Integer cap, String forecast) {
    }

    public static ChartData of(EvaluationView view, Labels labels) {
        String suppressed = labels.get("chart.suppressed", view.suppressionThreshold());
        List<String> months = new ArrayList<>();
        List<Long> referrals = new ArrayList<>();
        List<Long> deliveries = new ArrayList<>();
        for (EvaluationView.MonthView m : view.months()) {
            YearMonth month = YearMonth.parse(m.month());
            months.add(month.getMonth().getDisplayName(TextStyle.SHORT, labels.locale()) + " " + month.getYear());
            referrals.add(number(m.referrals()));
            deliveries.add(number(m.deliveries()));
        }
        Cap cap = view.contracts().stream().filter(c -> c.cap() != null).reduce((a, b) -> b)
                .map(c -> new Cap(labels.get("chart.cap.title") + " \u2013 " + c.contractId(), labels.get("chart.cap.used"),
                        labels.get("chart.cap.remaining"), number(c.slotsUsed()), c.cap(),
                        Forecasts.text(c.capForecast(), labels)))
                .orElse(null);
        Map<String, Object> intermediaries = view.report().referrals().byIntermediaryType();
        return new ChartData(suppressed, view.suppressionThreshold(), view.suppressed(),
                new Series(labels.get("chart.monthly.title"), months, labels.get("chart.monthly.referrals"), referrals,
                        labels.get("chart.monthly.deliveries"), deliveries),
                cap,
                bars(labels.get("chart.leadTime.title"), labels.get("chart.packages"), view.leadTimeDays().buckets(), null, labels),
                bars(labels.get("chart.intermediaries.title"), labels.get("chart.referrals"), intermediaries, "intermediary.", labels),
                bars(labels.get("chart.weeksBefore.title"), labels.get("chart.packages"), view.weeksBeforeDueDate().buckets(), null, labels),
                bars(labels.get("chart.pregnancyWeek.title"), labels.get("chart.referrals"), view.pregnancyWeekAtReferral().buckets(), null, labels));
    }

    private static Bars bars(String title, String series, Map<String, Object> counts, String labelPrefix, Labels labels) {
        List<String> names = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        counts.forEach((key, value) -> {
            names.add(labelPrefix == null ? key : labels.get(labelPrefix + key));
            values.add(number(value));
        });
        return new Bars(title, series, names, values);
    }

    /** A count as a number, or null when it is suppressed. */
    static Long number(Object count) {
        return count instanceof Number n ? n.longValue() : null;
    }
}
