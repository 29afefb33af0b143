package nl.startpakket.reporting.query;

import static nl.startpakket.reporting.EvaluationHistory.FROM;
import static nl.startpakket.reporting.EvaluationHistory.HEERLEN;
import static nl.startpakket.reporting.EvaluationHistory.HUIZEN;
import static nl.startpakket.reporting.EvaluationHistory.TO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import nl.startpakket.municipalities.MunicipalityRegister;
import nl.startpakket.reporting.EvaluationHistory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The projection over a known history, against an in-memory MongoDB wire-protocol server. */
class EvaluationProjectionTest {

    private EvaluationStore store;
    private EvaluationProjection projection;
    private int version;

    @BeforeEach
    void freshVersion() {
        store = new EvaluationStore(InMemoryMongo.database("projection-test"), MunicipalityRegister.shipped());
        projection = new EvaluationProjection(store);
        version++;
    }

    @Test
    void shouldComputeEveryFigureByHandWhenTheKnownHistoryIsProjected() {
        project(EvaluationHistory.huizen2026(""));

        assertHuizenFigures(huizen());
    }

    @Test
    void shouldGiveTheSameFiguresWhenEveryEventIsProjectedTwice() {
        List<IntegrationEvent> history = EvaluationHistory.huizen2026("");
        project(history);
        project(history);

        assertHuizenFigures(huizen());
    }

    @Test
    void shouldGiveTheSameFiguresWhenTopicsDeliverInAnotherOrder() {
        List<IntegrationEvent> history = new ArrayList<>(EvaluationHistory.huizen2026(""));
        Collections.reverse(history);
        project(history);
        Collections.shuffle(history, new Random(42));
        project(history);

        assertHuizenFigures(huizen());
    }

    @Test
    void shouldCountOnlyTheMunicipalityAskedFor() {
        project(EvaluationHistory.huizen2026(""));

        MunicipalityFigures heerlen = FigureCalculator.calculate(HEERLEN, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                store.referralsOf(version, HEERLEN), store.contractsOf(version, HEERLEN));
        assertThat(heerlen.referrals().total()).isEqualTo(1);
        assertThat(heerlen.referrals().byStatus().get(ReferralStatus.FUNDED)).isEqualTo(1);
        assertThat(heerlen.money().reserved()).isEqualByComparingTo("50.00");
        assertThat(heerlen.money().cap()).isNull();
        assertThat(heerlen.money().budget()).isNull();
        assertThat(store.municipalities(version)).containsExactly(HUIZEN, HEERLEN);
    }

    @Test
    void shouldCountReferralsByReferralDateAndDeliveriesByDeliveryDateWhenPeriodsDiffer() {
        project(EvaluationHistory.huizen2026(""));

        // January 2026: R10 was referred then (before the contract), but delivered in February
        MunicipalityFigures january = figures(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31));
        assertThat(january.referrals().total()).isEqualTo(1);
        assertThat(january.deliveries().total()).isZero();
        assertThat(january.money().cap()).isEqualTo(100);
        assertThat(january.money().capUsed()).isEqualTo(1);
        assertThat(january.money().reserved()).isEqualByComparingTo("75.00");

        MunicipalityFigures february = figures(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28));
        assertThat(february.referrals().total()).isZero();
        assertThat(february.deliveries().total()).isEqualTo(1);
        assertThat(february.money().invoiced()).isEqualByComparingTo("75.00");
    }

    @Test
    void shouldApplyAmendmentsInTheOrderTheyHappenedWhenRead() {
        project(EvaluationHistory.huizen2026(""));

        ContractFacts contract = store.contractsOf(version, HUIZEN).stream()
                .filter(c -> c.contractId().equals("huizen-2026")).findFirst().orElseThrow();
        assertThat(contract.maxPackages()).isEqualTo(130);
        assertThat(contract.budget()).isEqualByComparingTo("10400.00");
        assertThat(contract.validTo()).isEqualTo(LocalDate.of(2027, 1, 31));
        // registered on 15 January, before its start: rates count from 1 February
        assertThat(contract.registeredOn()).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(contract.countingFrom()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(contract.invoices()).hasSize(2);
    }

    @Test
    void shouldComputeEveryDetailByHandWhenTheKnownHistoryIsProjected() {
        project(EvaluationHistory.huizen2026(""));
        LocalDate today = LocalDate.of(2026, 11, 25);

        EvaluationDetails d = DetailCalculator.calculate(HUIZEN, FROM, TO, today, store.referralsOf(version, HUIZEN),
                store.contractsOf(version, HUIZEN), store.hasSimulated(version, HUIZEN, FROM, TO));

        assertThat(d.months()).hasSize(12);
        assertThat(d.months().get(0)).isEqualTo(new EvaluationDetails.Month(YearMonth.of(2026, 2), 0, 0, 0, 1, 1, 0));
        assertThat(d.months().get(1)).isEqualTo(new EvaluationDetails.Month(YearMonth.of(2026, 3), 2, 2, 0, 2, 2, 0));
        assertThat(d.months().get(2)).isEqualTo(new EvaluationDetails.Month(YearMonth.of(2026, 4), 2, 1, 1, 1, 0, 1));
        assertThat(d.months().get(3)).isEqualTo(new EvaluationDetails.Month(YearMonth.of(2026, 5), 3, 2, 1, 1, 1, 0));
        assertThat(d.months().get(4)).isEqualTo(new EvaluationDetails.Month(YearMonth.of(2026, 6), 3, 2, 1, 0, 0, 0));
        assertThat(d.months().subList(5, 12)).allMatch(m -> m.referrals() == 0 && m.deliveries() == 0);
        assertThat(d.months().get(11).month()).isEqualTo(YearMonth.of(2027, 1));

        assertThat(d.outcomes()).isEqualTo(new EvaluationDetails.Outcomes(8, 1, Map.of("DUPLICATE", 1L), 1, 1, 2,
                Map.of("BUDGET_EXHAUSTED", 1L, "CAP_REACHED", 1L, "CONTRACT_ENDED", 0L, "NO_CONTRACT", 0L)));

        assertThat(d.leadTimeDays().buckets()).containsExactly(entry("0-7", 0L), entry("8-14", 3L), entry("15-21", 1L),
                entry("22-28", 0L), entry("29-42", 1L), entry("43+", 0L));
        assertThat(d.leadTimeDays().median()).isEqualByComparingTo("13.0");
        assertThat(d.weeksBeforeDueDate().buckets()).containsExactly(entry("<0", 1L), entry("0-1", 1L), entry("2-3", 0L),
                entry("4-7", 1L), entry("8-11", 0L), entry("12+", 1L));
        assertThat(d.weeksBeforeDueDate().median()).isEqualByComparingTo("2.5");
        assertThat(d.pregnancyWeekAtReferral().buckets()).containsExactly(entry("0-11", 0L), entry("12-19", 1L),
                entry("20-27", 2L), entry("28-33", 1L), entry("34+", 1L));
        assertThat(d.pregnancyWeekAtReferral().median()).isEqualByComparingTo("25.0");
        assertThat(d.pregnancyWeekAtReferral().count()).isEqualTo(5);

        assertThat(d.contracts()).singleElement().satisfies(c -> {
            assertThat(c.contractId()).isEqualTo("huizen-2026");
            assertThat(c.cap()).isEqualTo(130);
            assertThat(c.slotsUsed()).isEqualTo(6);
            assertThat(c.delivered()).isEqualTo(4);
            assertThat(c.onHoldNow()).isEqualTo(1);
            assertThat(c.reservedAmount()).isEqualTo(new BigDecimal("480.00"));
            assertThat(c.invoicedAmount()).isEqualTo(new BigDecimal("240.00"));
            assertThat(c.capShare()).isEqualTo(new BigDecimal("0.05"));
            assertThat(c.budgetShare()).isEqualTo(new BigDecimal("0.05"));
            // 6 slots in the 298 days from 2026-02-01 to 2026-11-25: 124 more take ceil(124 * 298 / 6) = 6159 days
            assertThat(c.capForecast()).isEqualTo(new EvaluationDetails.Forecast(today.plusDays(6159), false, false));
            // EUR 480 in 298 days: EUR 9920 more take ceil(9920 * 298 / 480) = 6159 days
            assertThat(c.budgetForecast()).isEqualTo(new EvaluationDetails.Forecast(today.plusDays(6159), false, false));
        });
        assertThat(d.simulated()).isFalse();
    }

    private void assertHuizenFigures(MunicipalityFigures f) {
        assertThat(f.referrals().total()).isEqualTo(10);
        assertThat(f.referrals().byStatus()).isEqualTo(Map.of(
                ReferralStatus.SUBMITTED, 1L, ReferralStatus.ACCEPTED, 0L, ReferralStatus.REJECTED, 1L,
                ReferralStatus.FUNDED, 1L, ReferralStatus.ON_HOLD, 1L, ReferralStatus.PACKING, 1L,
                ReferralStatus.PACKED, 0L, ReferralStatus.DELIVERED, 4L, ReferralStatus.CANCELLED, 1L));
        assertThat(f.referrals().byPhase()).isEqualTo(Map.of(Phase.BABY, 7L, Phase.TODDLER, 3L));
        assertThat(f.referrals().byIntermediaryType()).isEqualTo(Map.of(
                IntermediaryType.MUNICIPALITY, 0L, IntermediaryType.MIDWIFE, 7L, IntermediaryType.CONSULTATION_BUREAU, 2L,
                IntermediaryType.SOCIAL_CARE, 1L, IntermediaryType.OTHER, 0L));
        assertThat(f.deliveries().total()).isEqualTo(5);
        assertThat(f.deliveries().byPhase()).isEqualTo(Map.of(Phase.BABY, 4L, Phase.TODDLER, 1L));
        assertThat(f.money().invoiced()).isEqualTo(new BigDecimal("315.00"));
        assertThat(f.money().reserved()).isEqualTo(new BigDecimal("480.00"));
        assertThat(f.money().budget()).isEqualTo(new BigDecimal("10400.00"));
        assertThat(f.money().cap()).isEqualTo(130);
        assertThat(f.money().capUsed()).isEqualTo(6);
        assertThat(f.leadTimeDays().median()).isEqualTo(new BigDecimal("13.0"));
        assertThat(f.leadTimeDays().p90()).isEqualTo(30L);
        assertThat(f.leadTimeDays().packages()).isEqualTo(5);
        assertThat(f.babyBeforeDueDate().share()).isEqualTo(new BigDecimal("0.75"));
        assertThat(f.babyBeforeDueDate().of()).isEqualTo(4);
        assertThat(f.followUpConsents()).isEqualTo(6);
    }

    private MunicipalityFigures huizen() {
        return figures(FROM, TO);
    }

    private MunicipalityFigures figures(LocalDate from, LocalDate to) {
        return FigureCalculator.calculate(HUIZEN, from, to, store.referralsOf(version, HUIZEN), store.contractsOf(version, HUIZEN));
    }

    private void project(List<IntegrationEvent> events) {
        events.forEach(e -> projection.project(e, version));
    }
}
