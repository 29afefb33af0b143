package nl.startpakket.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.statistics.Statistics;
import nl.startpakket.reporting.query.ComplementarySuppression;
import nl.startpakket.reporting.query.Evaluation;
import nl.startpakket.reporting.query.EvaluationPeriods;
import nl.startpakket.reporting.query.EvaluationTables;
import nl.startpakket.reporting.query.ReportPeriod;
import nl.startpakket.reporting.query.ReportQueries;
import nl.startpakket.reporting.query.SmallNumbers;

/**
 * Tries to undo the evaluator's suppression by arithmetic: generated histories, the evaluation as
 * the API gives it to an evaluator ({@link ReportQueries#evaluate} and {@link EvaluationView#of},
 * the code behind every answer, export and page), and a {@link LinearAttack} over every published
 * table. No hidden cell may be pinned to one value. The same attack against weakened suppression
 * (primary only; complementary but over any two overlapping periods) must succeed, which shows
 * the attack can find what it looks for.
 */
class SuppressionAttackTest {

    private static final int THRESHOLD = 5;
    private static final SmallNumbers EVALUATOR = new SmallNumbers(THRESHOLD, true);
    private static final SmallNumbers COORDINATOR = new SmallNumbers(THRESHOLD, false);

    @Property(tries = 150)
    void noHiddenCountOfAnEvaluationCanBeWorkedOutFromWhatAnEvaluatorSees(@ForAll("histories") Histories.History h) {
        ReportPeriod period = EvaluationPeriods.of(h.contracts()).containing(h.contract().validFrom());
        Evaluation evaluation = evaluate(h, period);
        EvaluationView published = EvaluationView.of(evaluation, "Huizen", EVALUATOR);

        List<LinearAttack.Range> pinned = new LinearAttack(THRESHOLD)
                .read("", published, EvaluationView.of(evaluation, "Huizen", COORDINATOR), h.contracts())
                .pinned();

        Statistics.label("cells shown").collect(bucket(count(published, r -> r.value() instanceof Number)));
        Statistics.label("cells hidden as x").collect(bucket(count(published, r -> "x".equals(r.value()))));
        assertThat(pinned).as("hidden cells worked out exactly").isEmpty();
    }

    @Property(tries = 40)
    void anEvaluatorIsServedNoTwoOverlappingPeriods(@ForAll("histories") Histories.History h,
                                                    @ForAll("days") Tuple.Tuple2<Integer, Integer> ends) {
        EvaluationPeriods periods = EvaluationPeriods.of(h.contracts());
        LocalDate from = h.contract().validFrom();
        ReportPeriod shorter = new ReportPeriod(from, from.plusDays(ends.get1()));
        ReportPeriod longer = new ReportPeriod(from, from.plusDays(ends.get1() + ends.get2()));

        List<ReportPeriod> served = new ArrayList<>();
        for (ReportPeriod asked : List.of(shorter, longer, periods.containing(from), periods.containing(longer.to()))) {
            if (periods.publishes(asked)) {
                served.add(asked);
            }
        }

        for (ReportPeriod a : served) {
            for (ReportPeriod b : served) {
                assertThat(a.equals(b) || a.to().isBefore(b.from()) || b.to().isBefore(a.from()))
                        .as("%s and %s overlap", a, b).isTrue();
            }
        }
    }

    @Example
    void theAttackWorksOutHiddenCountsWhenOnlySmallCountsAreHidden() {
        int histories = 0;
        int broken = 0;
        for (Histories.History h : histories(4, 10, 40).sampleStream().limit(20).toList()) {
            ReportPeriod period = new ReportPeriod(h.contract().validFrom(), h.contract().validTo());
            Evaluation evaluation = evaluate(h, period);
            EvaluationView primaryOnly = EvaluationView.of(evaluation, "Huizen", EVALUATOR,
                    ComplementarySuppression.primary(EvaluationTables.of(evaluation), THRESHOLD));

            List<LinearAttack.Range> pinned = new LinearAttack(THRESHOLD)
                    .read("", primaryOnly, EvaluationView.of(evaluation, "Huizen", COORDINATOR), h.contracts())
                    .pinned();

            assertThat(pinned).allMatch(r -> r.min() == r.truth());
            histories++;
            broken += pinned.isEmpty() ? 0 : 1;
        }
        System.out.printf("primary suppression only: hidden counts worked out in %d of %d histories%n", broken, histories);
        assertThat(broken).as("histories whose hidden counts were worked out, of %d", histories).isPositive();
    }

    @Example
    void theAttackWorksOutHiddenCountsFromTwoOverlappingPeriodsWhenAnyPeriodIsServed() {
        Histories.History h = Histories.history(thirtyInSixMonthsAndTwoInTheSeventh(), 12, true, 200);
        ReportPeriod firstSixMonths = new ReportPeriod(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 7, 31));
        ReportPeriod firstSevenMonths = new ReportPeriod(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 8, 31));
        EvaluationView a = EvaluationView.of(evaluate(h, firstSixMonths), "Huizen", EVALUATOR);
        EvaluationView b = EvaluationView.of(evaluate(h, firstSevenMonths), "Huizen", EVALUATOR);

        List<LinearAttack.Range> eachAlone = new ArrayList<>(attack("a.", a, h).pinned());
        eachAlone.addAll(attack("b.", b, h).pinned());
        List<LinearAttack.Range> together = attack("a.", a, h)
                .read("b.", b, EvaluationView.of(evaluate(h, firstSevenMonths), "Huizen", COORDINATOR), h.contracts())
                .overlap("a.", "b.", a, b)
                .pinned();

        assertThat(eachAlone).isEmpty();
        assertThat(together).isNotEmpty().allMatch(r -> r.min() == r.truth());
        assertThat(EvaluationPeriods.of(h.contracts()).publishes(firstSixMonths)).isFalse();
    }

    private static LinearAttack attack(String prefix, EvaluationView view, Histories.History h) {
        Evaluation exact = evaluate(h, new ReportPeriod(view.from(), view.to()));
        return new LinearAttack(THRESHOLD).read(prefix, view, EvaluationView.of(exact, "Huizen", COORDINATOR), h.contracts());
    }

    /** 30 referrals in the first six months of the contract, two in the seventh (August 2026). */
    private static List<Histories.Draw> thirtyInSixMonthsAndTwoInTheSeventh() {
        List<Histories.Draw> draws = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            draws.add(new Histories.Draw(nl.startpakket.events.Phase.BABY, nl.startpakket.events.IntermediaryType.MIDWIFE,
                    i * 6, Histories.Path.FUNDED, true, 20, 10, 30));
        }
        draws.add(new Histories.Draw(nl.startpakket.events.Phase.BABY, nl.startpakket.events.IntermediaryType.MIDWIFE,
                182, Histories.Path.FUNDED, true, 20, 10, 30));
        draws.add(new Histories.Draw(nl.startpakket.events.Phase.BABY, nl.startpakket.events.IntermediaryType.MIDWIFE,
                190, Histories.Path.FUNDED, true, 20, 10, 30));
        return draws;
    }

    private static Evaluation evaluate(Histories.History h, ReportPeriod period) {
        return ReportQueries.evaluate(Histories.CODE, period, h.today(), h.facts(), h.contracts(), false);
    }

    private static long count(EvaluationView view, java.util.function.Predicate<EvaluationView.FigureRow> which) {
        return view.rows().stream().filter(r -> r.section().equals("referrals") || r.section().equals("deliveries")
                || r.section().equals("outcomes")).filter(which).count();
    }

    private static String bucket(long n) {
        return n == 0 ? "0" : n < 5 ? "1-4" : n < 20 ? "5-19" : "20+";
    }

    @Provide
    Arbitrary<Histories.History> histories() {
        return Arbitraries.integers().between(2, 4).flatMap(months -> histories(months, months * 4, months * 30));
    }

    private static Arbitrary<Histories.History> histories(int months, int fewest, int most) {
        return Histories.histories(months, fewest, most);
    }

    @Provide
    Arbitrary<Tuple.Tuple2<Integer, Integer>> days() {
        return Arbitraries.integers().between(0, 400).tuple2().map(t -> Tuple.of(t.get1(), 1 + t.get2() % 60));
    }
}
