package nl.startpakket.reporting.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import nl.startpakket.reporting.query.MunicipalityFigures;
import nl.startpakket.reporting.query.EvaluationTables;
import nl.startpakket.reporting.query.SmallNumbers;
import nl.startpakket.reporting.query.SuppressedCells;

/**
 * The report of DESIGN.md's contract, as the viewer may see it: counts are numbers, or for an
 * evaluator the string {@code "<5"} when below the suppression threshold and {@code "x"} when
 * hidden so that no {@code "<5"} can be worked out from the other figures (complementary
 * suppression). Amounts in EUR as decimal strings (excluding VAT); for an evaluator an amount is
 * null when it would give a hidden count back (its count is hidden, or the phases are priced
 * differently). Lead time and the before-due-date share are null for an evaluator when based on
 * fewer packages than the threshold (a percentile of 2 packages tells their individual stories),
 * the share also when its counts are hidden.
 */
public record MunicipalityReport(
        String municipality,
        LocalDate from,
        LocalDate to,
        Referrals referrals,
        Deliveries deliveries,
        Money money,
        LeadTime leadTimeDays,
        BigDecimal babyBeforeDueDateShare,
        Object followUpConsents,
        FollowUp followUp,
        Imported imported) {

    /** The part of the referrals and deliveries imported from the years before Startpakket (counted in them too). */
    public record Imported(Object referrals, Object delivered) {
    }

    /** Follow-ups opened for the period's referrals and their outcomes (OPEN while none recorded). */
    public record FollowUp(Object opened, Map<String, Object> byOutcome) {
    }

    public record Referrals(Object total, Map<String, Object> byStatus, Map<String, Object> byPhase,
                            Map<String, Object> byIntermediaryType) {
    }

    public record Deliveries(Object total, Map<String, Object> byPhase) {
    }

    public record Money(String invoiced, String reserved, String budget, Integer cap, Object capUsed) {
    }

    public record LeadTime(BigDecimal median, Long p90) {
    }

    /** The report with the counts as {@code cells} shows them. */
    public static MunicipalityReport of(MunicipalityFigures f, SuppressedCells cells, SmallNumbers numbers) {
        var r = f.referrals();
        var d = f.deliveries();
        var m = f.money();
        boolean fewHandedOver = numbers.hides(f.leadTimeDays().packages());
        return new MunicipalityReport(
                f.municipality(), f.from(), f.to(),
                new Referrals(cells.count(EvaluationTables.TOTAL, r.total()),
                        counts(r.byStatus(), k -> EvaluationTables.referrals("byStatus", k), cells),
                        counts(r.byPhase(), k -> EvaluationTables.referrals("byPhase", k), cells),
                        counts(r.byIntermediaryType(), k -> EvaluationTables.referrals("byIntermediaryType", k), cells)),
                new Deliveries(cells.count(EvaluationTables.DELIVERIES, d.total()), counts(d.byPhase(), EvaluationTables::deliveries, cells)),
                new Money(cells.shows(EvaluationTables.INVOICED) ? plain(m.invoiced()) : null,
                        cells.shows(EvaluationTables.RESERVED) ? plain(m.reserved()) : null, plain(m.budget()), m.cap(),
                        cells.count(EvaluationTables.CAP_USED, m.capUsed())),
                fewHandedOver ? new LeadTime(null, null) : new LeadTime(f.leadTimeDays().median(), f.leadTimeDays().p90()),
                numbers.hides(f.babyBeforeDueDate().of()) || !cells.shows(EvaluationTables.BEFORE_SHARE) ? null
                        : f.babyBeforeDueDate().share(),
                cells.count(EvaluationTables.CONSENTS, f.followUpConsents()),
                new FollowUp(cells.count(EvaluationTables.FOLLOW_UPS, f.followUp().opened()),
                        counts(f.followUp().byOutcome(), EvaluationTables::followUpOutcome, cells)),
                new Imported(cells.count(EvaluationTables.IMPORTED_REFERRALS, f.imported().referrals()),
                        cells.count(EvaluationTables.IMPORTED_DELIVERED, f.imported().delivered())));
    }

    /** Exact figures (a coordinator's comparison). */
    public static MunicipalityReport exact(MunicipalityFigures f) {
        return of(f, SuppressedCells.none(), SmallNumbers.exact());
    }

    /** The counts of a breakdown as shown, by key; {@code id} names the cell of a key. */
    static <K> Map<String, Object> counts(Map<K, Long> counts, Function<String, String> id, SuppressedCells cells) {
        Map<String, Object> shown = new LinkedHashMap<>();
        counts.forEach((key, n) -> {
            String name = key instanceof Enum<?> e ? e.name() : key.toString();
            shown.put(name, cells.count(id.apply(name), n));
        });
        return shown;
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
