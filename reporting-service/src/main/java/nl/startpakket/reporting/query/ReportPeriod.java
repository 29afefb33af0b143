package nl.startpakket.reporting.query;

import java.time.LocalDate;

/** A closed range of business dates, both ends included. */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public ReportPeriod {
        if (from == null || to == null) {
            throw new IllegalArgumentException("A period needs both 'from' and 'to'.");
        }
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("'from' must not be after 'to'.");
        }
    }

    public static ReportPeriod calendarYear(int year) {
        return new ReportPeriod(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }
}
