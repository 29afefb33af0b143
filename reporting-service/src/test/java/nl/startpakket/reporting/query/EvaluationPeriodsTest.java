package nl.startpakket.reporting.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationPeriodsTest {

    private static final EvaluationPeriods HUIZEN = EvaluationPeriods.of(List.of(
            contract("2025", "2025-02-01", "2026-01-31"), contract("2026", "2026-02-01", "2027-01-31")));

    @Test
    void shouldPublishTheContractPeriodThatContainsADay() {
        assertThat(HUIZEN.containing(d("2026-07-15"))).isEqualTo(period("2026-02-01", "2027-01-31"));
        assertThat(HUIZEN.publishes(period("2026-02-01", "2027-01-31"))).isTrue();
    }

    @Test
    void shouldRefuseAPartOfAContractPeriod() {
        assertThat(HUIZEN.publishes(period("2026-02-01", "2026-07-31"))).isFalse();
        assertThat(HUIZEN.publishes(period("2026-01-01", "2026-12-31"))).isFalse();
    }

    @Test
    void shouldPublishThePartOfACalendarYearNoContractCovers() {
        assertThat(HUIZEN.containing(d("2027-03-01"))).isEqualTo(period("2027-02-01", "2027-12-31"));
        assertThat(HUIZEN.containing(d("2024-06-01"))).isEqualTo(period("2024-01-01", "2024-12-31"));
        assertThat(HUIZEN.containing(d("2025-01-10"))).isEqualTo(period("2025-01-01", "2025-01-31"));
        assertThat(EvaluationPeriods.of(List.of()).containing(d("2026-05-05"))).isEqualTo(period("2026-01-01", "2026-12-31"));
    }

    @Test
    void shouldMakeOnePeriodOfContractsWhosePeriodsOverlap() {
        EvaluationPeriods overlapping = EvaluationPeriods.of(List.of(contract("a", "2026-01-01", "2026-12-31"),
                contract("b", "2026-07-01", "2027-06-30")));

        assertThat(overlapping.contractPeriods()).containsExactly(period("2026-01-01", "2027-06-30"));
        assertThat(overlapping.containing(d("2026-03-01"))).isEqualTo(overlapping.containing(d("2027-03-01")));
    }

    private static ContractFacts contract(String id, String from, String to) {
        return new ContractFacts(id, "GM0406", d(from), d(to), new BigDecimal("80.00"), new BigDecimal("80.00"), 125, null,
                null, List.of());
    }

    private static ReportPeriod period(String from, String to) {
        return new ReportPeriod(d(from), d(to));
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }
}
