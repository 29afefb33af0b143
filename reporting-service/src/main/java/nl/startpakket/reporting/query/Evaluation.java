package nl.startpakket.reporting.query;

/** The exact figures of a municipality and period: the v1 report's and the details. */
public record Evaluation(MunicipalityFigures figures, EvaluationDetails details) {
}
