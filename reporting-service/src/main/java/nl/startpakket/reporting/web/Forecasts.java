package nl.startpakket.reporting.web;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import nl.startpakket.reporting.query.EvaluationDetails;

/** A cap or budget forecast in words. */
public final class Forecasts {

    private Forecasts() {
    }

    /** The forecast in words; null is a forecast an evaluator may not see (it would give a hidden count back). */
    public static String text(EvaluationDetails.Forecast forecast, Labels labels) {
        if (forecast == null) {
            return labels.get("forecast.hidden");
        }
        if (forecast.date() == null) {
            return labels.get("forecast.none");
        }
        String date = forecast.date().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(labels.locale()));
        if (forecast.reached()) {
            return labels.get("forecast.reached", date);
        }
        return labels.get(forecast.withinContract() ? "forecast.expected" : "forecast.outside", date);
    }
}
