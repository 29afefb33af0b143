package nl.startpakket.reporting.web;

import java.util.Locale;
import org.springframework.context.MessageSource;

/** The texts of one language: a message by code, or the code itself when there is none. */
public record Labels(MessageSource messages, Locale locale) {

    public String get(String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }

    /** A cap or budget forecast in words. */
    public String forecast(nl.startpakket.reporting.query.EvaluationDetails.Forecast forecast) {
        return Forecasts.text(forecast, this);
    }

    /** A figure's value as text: numbers, "<5", or a dash for nothing. */
    public String value(Object value) {
        return value == null ? get("kpi.none") : value.toString();
    }
}
