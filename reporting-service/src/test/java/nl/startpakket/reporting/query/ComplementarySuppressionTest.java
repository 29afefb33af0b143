package nl.startpakket.reporting.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import nl.startpakket.municipalities.MunicipalityRegister;
import nl.startpakket.reporting.query.SuppressedCells.Mark;
import org.junit.jupiter.api.Test;

class ComplementarySuppressionTest {

    @Test
    void shouldHideTheOtherPartWhenOnePartOfABreakdownIsSmallAndItsTotalIsShown() {
        // byPhase {BABY: 7, TODDLER: "<5"} with total 10 would give TODDLER = 3 back
        LinkedTables t = new LinkedTables().cell("total", 10).cell("baby", 7).cell("toddler", 3).sum("total", "baby", "toddler");

        SuppressedCells cells = ComplementarySuppression.protect(t, 5);

        assertThat(cells.hidden()).containsExactlyInAnyOrderEntriesOf(Map.of("toddler", Mark.PRIMARY, "baby", Mark.SECONDARY));
        assertThat(cells.count("total", 10)).isEqualTo(10L);
        assertThat(cells.count("baby", 7)).isEqualTo("x");
        assertThat(cells.count("toddler", 3)).isEqualTo("<5");
    }

    @Test
    void shouldHideTheTotalWhenTwoSmallPartsCouldOnlyBeFourEach() {
        // 8 = "<5" + "<5" can only be 4 + 4
        LinkedTables t = new LinkedTables().cell("total", 8).cell("a", 4).cell("b", 4).sum("total", "a", "b");

        assertThat(ComplementarySuppression.protect(t, 5).hidden()).containsEntry("total", Mark.SECONDARY);
    }

    @Test
    void shouldHideNothingMoreWhenTheSmallCellsAlreadyProtectEachOther() {
        LinkedTables t = new LinkedTables().cell("total", 12).cell("a", 2).cell("b", 3).cell("c", 7).sum("total", "a", "b", "c");

        assertThat(ComplementarySuppression.protect(t, 5).hidden()).containsOnlyKeys("a", "b");
    }

    @Test
    void shouldProtectACellAcrossTablesThatShareTheirTotal() {
        // the phases alone would be safe ("<5" twice), but the months give one of them back
        LinkedTables t = new LinkedTables()
                .cell("total", 20).cell("baby", 3).cell("toddler", 2).cell("other", 15)
                .cell("jan", 8).cell("feb", 12)
                .cell("jan.baby", 3).cell("jan.rest", 5).cell("feb.baby", 0).cell("feb.rest", 12)
                .sum("total", "baby", "toddler", "other").sum("total", "jan", "feb")
                .sum("jan", "jan.baby", "jan.rest").sum("feb", "feb.baby", "feb.rest").sum("baby", "jan.baby", "feb.baby");

        SuppressedCells cells = ComplementarySuppression.protect(t, 5);

        assertThat(DisclosureAudit.firstPinned(t, cells.hidden(), 5, new java.util.HashSet<>())).isEmpty();
        assertThat(cells.hides("total")).isFalse();
    }

    @Test
    void shouldHideTheSameCellsEveryTimeSoThatTwoAnswersNeverDiffer() {
        // the simulated Huizen pilot: 135 referrals, many ties between equally cheap complements
        EvaluationStore store = new EvaluationStore(InMemoryMongo.database("suppression-same"), MunicipalityRegister.shipped());
        new SimulatedPilotHistory(new EvaluationProjection(store), store).seed(1);
        Evaluation pilot = ReportQueries.evaluate(SimulatedPilotHistory.MUNICIPALITY,
                new ReportPeriod(LocalDate.of(2024, 2, 1), LocalDate.of(2025, 1, 31)), LocalDate.of(2026, 11, 25),
                store.referralsOf(1, SimulatedPilotHistory.MUNICIPALITY), store.contractsOf(1, SimulatedPilotHistory.MUNICIPALITY),
                true);

        Map<String, Mark> first = ComplementarySuppression.protect(EvaluationTables.of(pilot), 5).hidden();

        for (int i = 0; i < 3; i++) {
            assertThat(ComplementarySuppression.protect(EvaluationTables.of(pilot), 5).hidden()).isEqualTo(first);
        }
        assertThat(first).doesNotContainKeys(EvaluationTables.TOTAL, EvaluationTables.DELIVERIES);
    }

    @Test
    void shouldKeepTheCellsThatOnlyPrimarySuppressionHides() {
        LinkedTables t = new LinkedTables().cell("total", 10).cell("baby", 7).cell("toddler", 3).sum("total", "baby", "toddler");

        assertThat(ComplementarySuppression.primary(t, 5).hidden()).containsOnlyKeys("toddler");
    }

    @Test
    void shouldHideAnAmountWithTheCountItGivesBack() {
        LinkedTables t = new LinkedTables().cell("total", 10).cell("baby", 7).cell("toddler", 3).sum("total", "baby", "toddler")
                .derived("toddlerAmount", false, "toddler").derived("totalAmount", false, "total")
                .derived("babyAmountAtTwoPrices", true, "total");

        SuppressedCells cells = ComplementarySuppression.protect(t, 5);

        assertThat(cells.shows("toddlerAmount")).isFalse();
        assertThat(cells.shows("totalAmount")).isTrue();
        assertThat(cells.shows("babyAmountAtTwoPrices")).isFalse();
        assertThat(SuppressedCells.none().shows("babyAmountAtTwoPrices")).isTrue();
    }
}
