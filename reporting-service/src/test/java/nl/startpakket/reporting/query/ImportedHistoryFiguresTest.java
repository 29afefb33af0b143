package nl.startpakket.reporting.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import nl.startpakket.events.fulfilment.v1.PackageDelivered;
import nl.startpakket.events.referral.v1.HistoricReferralImported;
import nl.startpakket.events.referral.v1.ReferralAccepted;
import nl.startpakket.municipalities.MunicipalityRegister;
import nl.startpakket.reporting.web.EvaluationView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Heerlen's years before Startpakket, imported (2019–2023), beside referrals made in Startpakket:
 * each row counts in the year of its own referral and delivery dates, the imported part is shown
 * beside the totals, and an evaluator sees it under the same suppression as every other count.
 */
class ImportedHistoryFiguresTest {

    static final String HEERLEN = "GM0917";
    static final String IMPORT = "I-" + "0a".repeat(32);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final Instant IMPORTED_AT = Instant.parse("2026-03-01T10:00:00Z");

    private EvaluationStore store;
    private EvaluationProjection projection;
    private final int version = 1;

    @BeforeEach
    void freshVersion() {
        store = new EvaluationStore(InMemoryMongo.database("imported-history-" + UUID.randomUUID()), MunicipalityRegister.shipped());
        projection = new EvaluationProjection(store);
    }

    /** Per year 2019..2023: 10, 14, 3, 12, 8 rows (referred on the 10th of month 1, 2, ...), every third not delivered, the others 25 days later. */
    static List<IntegrationEvent> heerlenHistory() {
        List<IntegrationEvent> events = new ArrayList<>();
        int[] perYear = {10, 14, 3, 12, 8};
        for (int y = 0; y < perYear.length; y++) {
            int year = 2019 + y;
            for (int i = 0; i < perYear[y]; i++) {
                LocalDate referred = LocalDate.of(year, 1 + i % 12, 10);
                LocalDate delivered = i % 3 == 2 ? null : referred.plusDays(25);
                events.add(new HistoricReferralImported(UUID.randomUUID(), IMPORTED_AT, "R-h-" + year + "-" + i, HEERLEN,
                        i % 2 == 0 ? Phase.BABY : Phase.TODDLER, i % 4 == 0 ? IntermediaryType.MIDWIFE : IntermediaryType.MUNICIPALITY,
                        referred, delivered, i % 5 != 0, IMPORT));
            }
        }
        return events;
    }

    @Test
    void shouldCountEachImportedRowInTheYearsOfItsOwnDatesAndShowTheImportedPart() {
        project(heerlenHistory());

        Map<Integer, long[]> expected = Map.of(
                // referrals, delivered in the year
                2019, new long[] {10, 7}, 2020, new long[] {14, 10}, 2021, new long[] {3, 2}, 2022, new long[] {12, 8},
                2023, new long[] {8, 6});
        expected.forEach((year, counts) -> {
            MunicipalityFigures f = figures(year);
            assertThat(f.referrals().total()).as("referrals %d", year).isEqualTo(counts[0]);
            assertThat(f.imported().referrals()).as("imported referrals %d", year).isEqualTo(counts[0]);
            assertThat(f.deliveries().total()).as("deliveries %d", year).isEqualTo(counts[1]);
            assertThat(f.imported().delivered()).as("imported deliveries %d", year).isEqualTo(counts[1]);
            assertThat(f.money().capUsed()).as("history takes no funding slot").isZero();
            assertThat(f.followUpConsents()).as("no consent was recorded then").isZero();
        });
        MunicipalityFigures y2020 = figures(2020);
        assertThat(y2020.referrals().byStatus()).containsEntry(ReferralStatus.DELIVERED, 10L).containsEntry(ReferralStatus.ACCEPTED, 4L);
        assertThat(y2020.referrals().byPhase()).containsEntry(Phase.BABY, 7L).containsEntry(Phase.TODDLER, 7L);
        assertThat(y2020.referrals().byIntermediaryType()).containsEntry(IntermediaryType.MIDWIFE, 4L)
                .containsEntry(IntermediaryType.MUNICIPALITY, 10L);
        assertThat(figures(2018).referrals().total()).isZero();
        assertThat(figures(2024).deliveries().total()).isZero();
    }

    @Test
    void shouldKeepTheImportedPartApartFromWhatStartpakketItselfBrought() {
        List<IntegrationEvent> events = new ArrayList<>(heerlenHistory());
        for (int i = 0; i < 6; i++) {
            String id = "R-live-" + i;
            LocalDate referred = LocalDate.of(2023, 6, 1 + i);
            events.add(new ReferralAccepted(UUID.randomUUID(), IMPORTED_AT, id, "gemeente-heerlen", IntermediaryType.MUNICIPALITY,
                    HEERLEN, Phase.TODDLER, referred, DeliveryMethod.PICKUP_BY_INTERMEDIARY, false, null));
            events.add(new PackageDelivered(UUID.randomUUID(), IMPORTED_AT, id, "J-" + id, HEERLEN, Phase.TODDLER, referred.plusDays(9)));
        }
        project(events);

        MunicipalityFigures f = figures(2023);
        assertThat(f.referrals().total()).isEqualTo(14);
        assertThat(f.imported().referrals()).isEqualTo(8);
        assertThat(f.deliveries().total()).isEqualTo(12);
        assertThat(f.imported().delivered()).isEqualTo(6);
    }

    @Test
    void shouldSuppressTheImportedFiguresForAnEvaluatorLikeEveryOtherCount() {
        project(heerlenHistory());

        EvaluationView small = view(2021, true);
        assertThat(small.report().referrals().total()).isEqualTo("<5");
        assertThat(small.report().imported().referrals()).isEqualTo("<5");
        assertThat(small.report().imported().delivered()).isEqualTo("<5");

        EvaluationView larger = view(2020, true);
        assertThat(larger.report().referrals().total()).isEqualTo(14L);
        assertThat(larger.report().imported().referrals()).isEqualTo(14L);
        assertThat(larger.report().imported().delivered()).isEqualTo(10L);
        assertThat(larger.rows()).filteredOn(r -> r.section().equals("imported"))
                .extracting(EvaluationView.FigureRow::figure).containsExactly("referrals", "delivered");

        EvaluationView coordinator = view(2021, false);
        assertThat(coordinator.report().imported().referrals()).isEqualTo(3L);
    }

    private EvaluationView view(int year, boolean evaluator) {
        Evaluation evaluation = ReportQueries.evaluate(HEERLEN, ReportPeriod.calendarYear(year), TODAY,
                store.referralsOf(version, HEERLEN), store.contractsOf(version, HEERLEN), false);
        return EvaluationView.of(evaluation, "Heerlen", new SmallNumbers(5, evaluator));
    }

    private MunicipalityFigures figures(int year) {
        ReportPeriod period = ReportPeriod.calendarYear(year);
        return FigureCalculator.calculate(HEERLEN, period.from(), period.to(), store.referralsOf(version, HEERLEN),
                store.contractsOf(version, HEERLEN));
    }

    private void project(List<IntegrationEvent> events) {
        for (IntegrationEvent event : events) {
            assertThat(projection.project(event, version)).isTrue();
        }
    }
}
