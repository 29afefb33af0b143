package nl.startpakket.reporting.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.startpakket.reporting.query.MunicipalityFigures;
import nl.startpakket.reporting.query.SmallNumbers;

/**
 * The report of DESIGN.md's contract, as the viewer may see it: counts are numbers, or the
 * string {@code "<5"} for an evaluator when below the suppression threshold. Amounts in EUR as
 * decimal strings (excluding VAT). Lead time and the before-due-date share are null for an
 * evaluator when based on fewer packages than the threshold (a percentile of 2 packages tells
 * their individual stories).
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
        Object followUpConsents) {

    public record Referrals(Object total, Map<String, Object> byStatus, Map<String, Object> byPhase,
                            Map<String, Object> byIntermediaryType) {
    }

    public record Deliveries(Object total, Map<String, Object> byPhase) {
    }

    public record Money(String invoiced, String reserved, String budget, Integer cap, Object capUsed) {
    }

    public record LeadTime(BigDecimal median, Long p90) {
    }

    public static MunicipalityReport of(MunicipalityFigures f, SmallNumbers numbers) {
        var r = f.referrals();
        var d = f.deliveries();
        var m = f.money();
        boolean fewHandedOver = numbers.hides(f.leadTimeDays().packages());
        boolean fewBaby = numbers.hides(f.babyBeforeDueDate().of());
        return new MunicipalityReport(
                f.municipality(), f.from(), f.to(),
                new Referrals(numbers.count(r.total()), counts(r.byStatus(), numbers), counts(r.byPhase(), numbers),
                        counts(r.byIntermediaryType(), numbers)),
                new Deliveries(numbers.count(d.total()), counts(d.byPhase(), numbers)),
                new Money(plain(m.invoiced()), plain(m.reserved()), plain(m.budget()), m.cap(), numbers.count(m.capUsed())),
                fewHandedOver ? new LeadTime(null, null) : new LeadTime(f.leadTimeDays().median(), f.leadTimeDays().p90()),
                fewBaby ? null : f.babyBeforeDueDate().share(),
                numbers.count(f.followUpConsents()));
    }

    static <E extends Enum<E>> Map<String, Object> counts(Map<E, Long> counts, SmallNumbers numbers) {
        Map<String, Object> shown = new LinkedHashMap<>();
        counts.forEach((key, n) -> shown.put(key.name(), numbers.count(n)));
        return shown;
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }
}
