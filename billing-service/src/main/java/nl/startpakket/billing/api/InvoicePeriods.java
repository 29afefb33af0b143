package nl.startpakket.billing.api;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** The end of the last closed invoice period of a contract, as of a day. */
public final class InvoicePeriods {

    private InvoicePeriods() {
    }

    /** Null when no period of the contract has closed yet. */
    public static LocalDate lastClosedPeriodEnd(InvoicePeriod period, LocalDate validFrom, LocalDate validTo, LocalDate today) {
        LocalDate end = switch (period) {
            case MONTHLY -> today.with(TemporalAdjusters.firstDayOfMonth()).minusDays(1);
            case QUARTERLY -> {
                int firstMonthOfQuarter = ((today.getMonthValue() - 1) / 3) * 3 + 1;
                yield LocalDate.of(today.getYear(), firstMonthOfQuarter, 1).minusDays(1);
            }
            case END_OF_CONTRACT -> validTo.isBefore(today) ? validTo : null;
        };
        return end == null || end.isBefore(validFrom) ? null : end;
    }
}
