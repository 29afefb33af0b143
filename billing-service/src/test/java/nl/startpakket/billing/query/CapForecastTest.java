package nl.startpakket.billing.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The cap forecast on a contract's usage; reporting's evaluation computes the same date (see its DetailCalculatorTest). */
class CapForecastTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final ContractQueries QUERIES =
            new ContractQueries(null, Clock.fixed(TODAY.atTime(12, 0).atZone(AMSTERDAM).toInstant(), AMSTERDAM));

    @Test
    void shouldForecastAtTheAverageDailyRateSinceTheContractBegan() {
        // registered before its start; 2 packages in the 10 days 03-01..03-10, 8 more take 40 days
        ContractDocument contract = contract(10, Instant.parse("2026-02-20T10:00:00Z"));

        assertThat(QUERIES.forecastCapReachedOn(contract, 2)).isEqualTo(LocalDate.of(2026, 4, 19));
    }

    @Test
    void shouldCountFromTheDayTheContractWasRegisteredWhenThatIsAfterItsStart() {
        // registered on 03-08 for a period that began on 03-01; 2 packages in 03-08..03-10, 8 more take 12 days
        ContractDocument contract = contract(10, Instant.parse("2026-03-08T09:00:00Z"));

        assertThat(QUERIES.forecastCapReachedOn(contract, 2)).isEqualTo(LocalDate.of(2026, 3, 22));
    }

    @Test
    void shouldRoundTheExactQuotientUpNotAFloatingPointOne() {
        // 3 packages in the 10 days, 122 more take 122 * 10 / 3 = 406.67, so 407 days
        assertThat(QUERIES.forecastCapReachedOn(contract(125, null), 3)).isEqualTo(TODAY.plusDays(407));
        // 5 packages in the 10 days, 120 more take exactly 240 days
        assertThat(QUERIES.forecastCapReachedOn(contract(125, null), 5)).isEqualTo(TODAY.plusDays(240));
    }

    @Test
    void shouldSayTodayWhenTheCapIsReachedAndNothingWithoutCapOrUsage() {
        assertThat(QUERIES.forecastCapReachedOn(contract(10, null), 10)).isEqualTo(TODAY);
        assertThat(QUERIES.forecastCapReachedOn(contract(10, null), 0)).isNull();
        assertThat(QUERIES.forecastCapReachedOn(contract(null, null), 4)).isNull();
    }

    private static ContractDocument contract(Integer cap, Instant registeredAt) {
        return new ContractDocument("c", "GM0406", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31),
                new BigDecimal("80.00"), new BigDecimal("80.00"), cap, null, "MONTHLY", null, null, "test", registeredAt);
    }
}
