package nl.startpakket.reporting.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.startpakket.reporting.query.Evaluation;
import nl.startpakket.reporting.query.EvaluationDetails;
import nl.startpakket.reporting.query.EvaluationTables;
import nl.startpakket.reporting.query.SmallNumbers;
import nl.startpakket.reporting.query.SuppressedCells;

/**
 * The whole evaluation of a municipality and period as this viewer may see it: the v1 report
 * plus figures per month, outcomes, distributions and contract use, with the same suppression
 * as the report. The dashboard, the exports and the PDF are all drawn from this one view, so
 * they always show the same figures.
 *
 * @param suppressed           whether small counts are hidden for this viewer (an evaluator)
 * @param suppressionThreshold counts below it read "&lt;threshold" when suppressed
 */
public record EvaluationView(
        String municipality,
        String municipalityName,
        LocalDate from,
        LocalDate to,
        boolean simulated,
        boolean suppressed,
        int suppressionThreshold,
        MunicipalityReport report,
        List<MonthView> months,
        OutcomesView outcomes,
        DistributionView leadTimeDays,
        DistributionView weeksBeforeDueDate,
        DistributionView pregnancyWeekAtReferral,
        List<ContractView> contracts) {

    public record MonthView(String month, Object referrals, Object referralsBaby, Object referralsToddler,
                            Object deliveries, Object deliveriesBaby, Object deliveriesToddler) {
    }

    public record OutcomesView(Object accepted, Object rejected, Map<String, Object> rejectedByReason, Object cancelled,
                               Object onHoldNow, Object everHeld, Map<String, Object> heldByReason) {
    }

    /** Buckets of a distribution; the median is null when an evaluator would see fewer values than the threshold. */
    public record DistributionView(Map<String, Object> buckets, BigDecimal median, Object count) {
    }

    public record ContractView(String contractId, LocalDate validFrom, LocalDate validTo, Integer cap, String budget,
                               Object slotsUsed, Object delivered, Object onHoldNow, String reservedAmount,
                               String invoicedAmount, BigDecimal capShare, BigDecimal budgetShare,
                               EvaluationDetails.Forecast capForecast, EvaluationDetails.Forecast budgetForecast) {
    }

    /** One figure as a row of an export: section, figure, breakdown (may be empty) and the value shown. */
    public record FigureRow(String section, String figure, String breakdown, Object value) {
    }

    /**
     * The view of an evaluation; {@code municipalityName} is the official name of its municipality.
     * An evaluator's counts are suppressed here, once, across all linked tables of the evaluation.
     */
    public static EvaluationView of(Evaluation evaluation, String municipalityName, SmallNumbers numbers) {
        return of(evaluation, municipalityName, numbers, numbers.protect(EvaluationTables.of(evaluation)));
    }

    /** The view with the counts as {@code cells} shows them. */
    public static EvaluationView of(Evaluation evaluation, String municipalityName, SmallNumbers numbers,
                                    SuppressedCells cells) {
        var f = evaluation.figures();
        var d = evaluation.details();
        var o = d.outcomes();
        return new EvaluationView(
                f.municipality(), municipalityName, f.from(), f.to(), d.simulated(),
                numbers.suppress(), numbers.threshold(),
                MunicipalityReport.of(f, cells, numbers),
                d.months().stream().map(m -> month(m, cells)).toList(),
                new OutcomesView(outcome(cells, "accepted", o.accepted()), outcome(cells, "rejected", o.rejected()),
                        MunicipalityReport.counts(o.rejectedByReason(), k -> EvaluationTables.reason("rejectedByReason", k), cells),
                        outcome(cells, "cancelled", o.cancelled()), outcome(cells, "onHoldNow", o.onHoldNow()),
                        outcome(cells, "everHeld", o.everHeld()),
                        MunicipalityReport.counts(o.heldByReason(), k -> EvaluationTables.reason("heldByReason", k), cells)),
                distribution(EvaluationTables.LEAD_TIME, d.leadTimeDays(), cells, numbers),
                distribution(EvaluationTables.WEEKS_BEFORE, d.weeksBeforeDueDate(), cells, numbers),
                distribution(EvaluationTables.PREGNANCY_WEEK, d.pregnancyWeekAtReferral(), cells, numbers),
                d.contracts().stream().map(c -> contract(c, cells)).toList());
    }

    private static MonthView month(EvaluationDetails.Month m, SuppressedCells cells) {
        YearMonth ym = m.month();
        return new MonthView(ym.toString(), cells.count(EvaluationTables.month(ym, "referrals"), m.referrals()),
                cells.count(EvaluationTables.month(ym, "referralsBaby"), m.referralsBaby()),
                cells.count(EvaluationTables.month(ym, "referralsToddler"), m.referralsToddler()),
                cells.count(EvaluationTables.month(ym, "deliveries"), m.deliveries()),
                cells.count(EvaluationTables.month(ym, "deliveriesBaby"), m.deliveriesBaby()),
                cells.count(EvaluationTables.month(ym, "deliveriesToddler"), m.deliveriesToddler()));
    }

    private static Object outcome(SuppressedCells cells, String figure, long n) {
        return cells.count(EvaluationTables.outcome(figure), n);
    }

    /** A contract's use; an amount, share or forecast that would give a hidden count back is null. */
    private static ContractView contract(EvaluationDetails.ContractUse c, SuppressedCells cells) {
        String id = c.contractId();
        return new ContractView(id, c.validFrom(), c.validTo(), c.cap(), plain(c.budget()),
                cells.count(EvaluationTables.contract(id, "slotsUsed"), c.slotsUsed()),
                cells.count(EvaluationTables.contract(id, "delivered"), c.delivered()),
                cells.count(EvaluationTables.contract(id, "onHoldNow"), c.onHoldNow()),
                shown(cells, id, "reservedAmount", plain(c.reservedAmount())),
                shown(cells, id, "invoicedAmount", plain(c.invoicedAmount())),
                shown(cells, id, "capShare", c.capShare()), shown(cells, id, "budgetShare", c.budgetShare()),
                shown(cells, id, "capForecast", c.capForecast()), shown(cells, id, "budgetForecast", c.budgetForecast()));
    }

    private static <T> T shown(SuppressedCells cells, String contractId, String figure, T value) {
        return cells.shows(EvaluationTables.contract(contractId, figure)) ? value : null;
    }

    /** Every figure of the view, in a stable order, for CSV and XLSX. */
    public List<FigureRow> rows() {
        List<FigureRow> rows = new ArrayList<>();
        MunicipalityReport r = report;
        rows.add(new FigureRow("period", "from", "", from.toString()));
        rows.add(new FigureRow("period", "to", "", to.toString()));
        rows.add(new FigureRow("referrals", "total", "", r.referrals().total()));
        r.referrals().byStatus().forEach((k, v) -> rows.add(new FigureRow("referrals", "byStatus", k, v)));
        r.referrals().byPhase().forEach((k, v) -> rows.add(new FigureRow("referrals", "byPhase", k, v)));
        r.referrals().byIntermediaryType().forEach((k, v) -> rows.add(new FigureRow("referrals", "byIntermediaryType", k, v)));
        months.forEach(m -> {
            rows.add(new FigureRow("referrals", "byMonth", m.month(), m.referrals()));
            rows.add(new FigureRow("referrals", "byMonthBaby", m.month(), m.referralsBaby()));
            rows.add(new FigureRow("referrals", "byMonthToddler", m.month(), m.referralsToddler()));
        });
        rows.add(new FigureRow("outcomes", "accepted", "", outcomes.accepted()));
        rows.add(new FigureRow("outcomes", "rejected", "", outcomes.rejected()));
        outcomes.rejectedByReason().forEach((k, v) -> rows.add(new FigureRow("outcomes", "rejectedByReason", k, v)));
        rows.add(new FigureRow("outcomes", "cancelled", "", outcomes.cancelled()));
        rows.add(new FigureRow("outcomes", "onHoldNow", "", outcomes.onHoldNow()));
        rows.add(new FigureRow("outcomes", "everHeld", "", outcomes.everHeld()));
        outcomes.heldByReason().forEach((k, v) -> rows.add(new FigureRow("outcomes", "heldByReason", k, v)));
        rows.add(new FigureRow("imported", "referrals", "", r.imported().referrals()));
        rows.add(new FigureRow("deliveries", "total", "", r.deliveries().total()));
        r.deliveries().byPhase().forEach((k, v) -> rows.add(new FigureRow("deliveries", "byPhase", k, v)));
        months.forEach(m -> {
            rows.add(new FigureRow("deliveries", "byMonth", m.month(), m.deliveries()));
            rows.add(new FigureRow("deliveries", "byMonthBaby", m.month(), m.deliveriesBaby()));
            rows.add(new FigureRow("deliveries", "byMonthToddler", m.month(), m.deliveriesToddler()));
        });
        rows.add(new FigureRow("imported", "delivered", "", r.imported().delivered()));
        rows.add(new FigureRow("leadTimeDays", "median", "", r.leadTimeDays().median()));
        rows.add(new FigureRow("leadTimeDays", "p90", "", r.leadTimeDays().p90()));
        leadTimeDays.buckets().forEach((k, v) -> rows.add(new FigureRow("leadTimeDays", "distribution", k, v)));
        rows.add(new FigureRow("babyBeforeDueDate", "share", "", r.babyBeforeDueDateShare()));
        rows.add(new FigureRow("weeksBeforeDueDate", "median", "", weeksBeforeDueDate.median()));
        weeksBeforeDueDate.buckets().forEach((k, v) -> rows.add(new FigureRow("weeksBeforeDueDate", "distribution", k, v)));
        rows.add(new FigureRow("pregnancyWeekAtReferral", "median", "", pregnancyWeekAtReferral.median()));
        pregnancyWeekAtReferral.buckets().forEach((k, v) ->
                rows.add(new FigureRow("pregnancyWeekAtReferral", "distribution", k, v)));
        rows.add(new FigureRow("followUp", "consents", "", r.followUpConsents()));
        rows.add(new FigureRow("followUp", "opened", "", r.followUp().opened()));
        r.followUp().byOutcome().forEach((outcome, n) -> rows.add(new FigureRow("followUp", "outcome", outcome, n)));
        rows.add(new FigureRow("money", "invoiced", "", r.money().invoiced()));
        rows.add(new FigureRow("money", "reserved", "", r.money().reserved()));
        rows.add(new FigureRow("money", "budget", "", r.money().budget()));
        rows.add(new FigureRow("money", "cap", "", r.money().cap()));
        rows.add(new FigureRow("money", "capUsed", "", r.money().capUsed()));
        for (ContractView c : contracts) {
            String id = c.contractId();
            rows.add(new FigureRow("contract", "validFrom", id, c.validFrom().toString()));
            rows.add(new FigureRow("contract", "validTo", id, c.validTo().toString()));
            rows.add(new FigureRow("contract", "cap", id, c.cap()));
            rows.add(new FigureRow("contract", "budget", id, c.budget()));
            rows.add(new FigureRow("contract", "slotsUsed", id, c.slotsUsed()));
            rows.add(new FigureRow("contract", "delivered", id, c.delivered()));
            rows.add(new FigureRow("contract", "onHoldNow", id, c.onHoldNow()));
            rows.add(new FigureRow("contract", "reservedAmount", id, c.reservedAmount()));
            rows.add(new FigureRow("contract", "invoicedAmount", id, c.invoicedAmount()));
            rows.add(new FigureRow("contract", "capShare", id, c.capShare()));
            rows.add(new FigureRow("contract", "budgetShare", id, c.budgetShare()));
            rows.add(new FigureRow("contract", "capReachedOn", id, forecastValue(c.capForecast())));
            rows.add(new FigureRow("contract", "budgetReachedOn", id, forecastValue(c.budgetForecast())));
        }
        return rows;
    }

    private static String forecastValue(EvaluationDetails.Forecast forecast) {
        return forecast == null || forecast.date() == null ? null : forecast.date().toString();
    }

    static DistributionView distribution(String name, EvaluationDetails.Distribution d, SuppressedCells cells,
                                         SmallNumbers numbers) {
        return new DistributionView(MunicipalityReport.counts(d.buckets(), k -> EvaluationTables.bucket(name, k), cells),
                numbers.hides(d.count()) ? null : d.median(), cells.count(EvaluationTables.count(name), d.count()));
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
