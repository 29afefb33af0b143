package nl.startpakket.reporting.query;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** Answers report questions from the active version of the projections. */
public class ReportQueries {

    private final EvaluationStore store;
    private final ProjectionVersions versions;
    private final Clock clock;

    public ReportQueries(EvaluationStore store, ProjectionVersions versions, Clock clock) {
        this.store = store;
        this.versions = versions;
        this.clock = clock;
    }

    public MunicipalityFigures figures(String municipality, ReportPeriod period) {
        int version = versions.active();
        return FigureCalculator.calculate(municipality, period.from(), period.to(),
                store.referralsOf(version, municipality), store.contractsOf(version, municipality));
    }

    /** The figures and the details, from one read of the facts. */
    public Evaluation evaluation(String municipality, ReportPeriod period) {
        int version = versions.active();
        List<ReferralFacts> facts = store.referralsOf(version, municipality);
        List<ContractFacts> contracts = store.contractsOf(version, municipality);
        return evaluate(municipality, period, LocalDate.now(clock), facts, contracts,
                store.hasSimulated(version, municipality, period.from(), period.to()));
    }

    /** The figures and the details of these facts, on {@code today} (pure). */
    public static Evaluation evaluate(String municipality, ReportPeriod period, LocalDate today, List<ReferralFacts> facts,
                                      List<ContractFacts> contracts, boolean simulated) {
        return new Evaluation(
                FigureCalculator.calculate(municipality, period.from(), period.to(), facts, contracts),
                DetailCalculator.calculate(municipality, period.from(), period.to(), today, facts, contracts, simulated));
    }

    /** The fixed periods in which an evaluator sees this municipality's figures. */
    public EvaluationPeriods evaluationPeriods(String municipality) {
        return EvaluationPeriods.of(contractsOf(municipality));
    }

    /** The figures of every municipality known, over the same period, for comparison. */
    public List<MunicipalityFigures> comparison(ReportPeriod period) {
        return municipalities().stream().map(code -> figures(code, period)).toList();
    }

    /**
     * The period a report covers when none is asked for: the contract period of the
     * municipality's contract in force today, else the current calendar year.
     */
    public ReportPeriod defaultPeriod(String municipality) {
        LocalDate today = LocalDate.now(clock);
        return contractsOf(municipality).stream()
                .filter(c -> c.validOn(today))
                .max(Comparator.comparing(ContractFacts::validFrom))
                .map(c -> new ReportPeriod(c.validFrom(), c.validTo()))
                .orElse(ReportPeriod.calendarYear(today.getYear()));
    }

    /** Periods of simulated demo contracts of the municipality (for a link on the dashboard). */
    public List<ReportPeriod> simulatedPeriods(String municipality) {
        return store.simulatedContractsOf(versions.active(), municipality).stream()
                .filter(ContractFacts::registered)
                .map(c -> new ReportPeriod(c.validFrom(), c.validTo()))
                .toList();
    }

    public List<ContractFacts> contractsOf(String municipality) {
        return store.contractsOf(versions.active(), municipality).stream().filter(ContractFacts::registered).toList();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public List<String> municipalities() {
        return store.municipalities(versions.active());
    }
}
