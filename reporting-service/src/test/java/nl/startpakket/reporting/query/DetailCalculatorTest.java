package nl.startpakket.reporting.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import org.junit.jupiter.api.Test;

class DetailCalculatorTest {

    private static final LocalDate START = LocalDate.of(2026, 3, 1);
    private static final ContractFacts SMALL = contract("small", 3, new BigDecimal("1000.00"), null);

    @Test
    void shouldGiveTheDayTheCapWasReachedWhenItWas() {
        List<ReferralFacts> facts = List.of(reserved("a", "2026-03-01", "small"), reserved("b", "2026-03-05", "small"),
                reserved("c", "2026-03-10", "small"));

        EvaluationDetails.ContractUse use = DetailCalculator.contractUse(SMALL, facts, LocalDate.of(2026, 6, 1));

        assertThat(use.capForecast()).isEqualTo(new EvaluationDetails.Forecast(LocalDate.of(2026, 3, 10), true, true));
        assertThat(use.capShare()).isEqualByComparingTo("1.00");
    }

    @Test
    void shouldForecastTheCapAtTheAverageDailyRateSinceTheContractBegan() {
        ContractFacts ten = contract("ten", 10, null, LocalDate.of(2026, 2, 20));
        List<ReferralFacts> facts = List.of(reserved("a", "2026-03-02", "ten"), reserved("b", "2026-03-06", "ten"));

        // 2 slots in the 10 days 03-01..03-10: 0.2 a day, 8 more take 40 days
        EvaluationDetails.ContractUse use = DetailCalculator.contractUse(ten, facts, LocalDate.of(2026, 3, 10));

        assertThat(use.capForecast()).isEqualTo(new EvaluationDetails.Forecast(LocalDate.of(2026, 4, 19), false, true));
        assertThat(use.budgetForecast()).isEqualTo(EvaluationDetails.Forecast.NONE);
    }

    @Test
    void shouldCountARateFromTheDayAContractWasRegisteredWhenThatIsAfterItsStart() {
        // registered on 03-08 for a period that began on 03-01: nothing before 03-08 is known to the system
        ContractFacts late = contract("late", 10, null, LocalDate.of(2026, 3, 8));
        List<ReferralFacts> facts = List.of(reserved("a", "2026-03-08", "late"), reserved("b", "2026-03-09", "late"));

        // 2 slots in the 3 days 03-08..03-10, 8 more take exactly 8 * 3 / 2 = 12 days
        EvaluationDetails.ContractUse use = DetailCalculator.contractUse(late, facts, LocalDate.of(2026, 3, 10));

        assertThat(use.capForecast()).isEqualTo(new EvaluationDetails.Forecast(LocalDate.of(2026, 3, 22), false, true));
    }

    @Test
    void shouldForecastWithTheExactRateNotARoundedOne() {
        // runs into 2027, so the forecast date lies within it
        ContractFacts big = new ContractFacts("big", "GM0406", START, LocalDate.of(2027, 12, 31),
                new BigDecimal("80.00"), new BigDecimal("80.00"), 125, null, null, List.of());

        // 1 slot in the 3 days 03-01..03-03: 124 more take exactly 372 days (a rate rounded to 0.3333333333 a day gives 373)
        EvaluationDetails.ContractUse use = DetailCalculator.contractUse(big, List.of(reserved("a", "2026-03-01", "big")),
                LocalDate.of(2026, 3, 3));

        assertThat(use.capForecast()).isEqualTo(new EvaluationDetails.Forecast(LocalDate.of(2026, 3, 3).plusDays(372), false, true));
    }

    @Test
    void shouldHaveNoForecastWhenNothingWasReservedYet() {
        assertThat(DetailCalculator.contractUse(SMALL, List.of(), LocalDate.of(2026, 6, 1)).capForecast())
                .isEqualTo(EvaluationDetails.Forecast.NONE);
    }

    @Test
    void shouldPutNegativeWeeksBeforeTheDueDateInTheAfterBucket() {
        EvaluationDetails.Distribution d = DetailCalculator.distribution(List.of(-2L, 0L, 1L, 2L, 12L, 40L),
                DetailCalculator.WEEKS_BEFORE_BOUNDS, true);

        assertThat(d.buckets()).containsExactly(entry("<0", 1L), entry("0-1", 2L), entry("2-3", 1L), entry("4-7", 0L),
                entry("8-11", 0L), entry("12+", 2L));
        assertThat(d.median()).isEqualByComparingTo("1.5");
    }

    /** A contract of 2026-03-01..2026-12-31 at EUR 80 a package. */
    private static ContractFacts contract(String id, int cap, BigDecimal budget, LocalDate registeredOn) {
        return new ContractFacts(id, "GM0406", START, LocalDate.of(2026, 12, 31), new BigDecimal("80.00"),
                new BigDecimal("80.00"), cap, budget, registeredOn, List.of());
    }

    private static ReferralFacts reserved(String id, String on, String contractId) {
        LocalDate day = LocalDate.parse(on);
        return new ReferralFacts(id, "GM0406", Phase.BABY, IntermediaryType.MIDWIFE, day, true, null, true, 20, null, null,
                new FundingDecision(day.atStartOfDay().toInstant(ZoneOffset.UTC), day, contractId, null), null, null, false, null, null, null, null, null, null, false, null, false);
    }
}
