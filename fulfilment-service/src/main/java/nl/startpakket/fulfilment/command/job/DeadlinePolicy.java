package nl.startpakket.fulfilment.command.job;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import nl.startpakket.events.Phase;

/**
 * When a package must have left the foundation. BABY: a margin before the due date (so the
 * family has it well before the birth), never before today. TODDLER: a number of days after
 * funding. A BABY job without a due date falls back to the TODDLER rule.
 */
public record DeadlinePolicy(Period babyMarginBeforeDueDate, int toddlerDaysAfterFunding) {

    public static final DeadlinePolicy DEFAULT = new DeadlinePolicy(Period.ofWeeks(4), 14);

    public DeadlinePolicy {
        Objects.requireNonNull(babyMarginBeforeDueDate, "babyMarginBeforeDueDate");
        if (babyMarginBeforeDueDate.isNegative()) {
            throw new IllegalArgumentException("The BABY margin cannot be negative");
        }
        if (toddlerDaysAfterFunding < 0) {
            throw new IllegalArgumentException("The TODDLER days cannot be negative");
        }
    }

    public LocalDate deadline(Phase phase, LocalDate expectedDueDate, LocalDate fundedOn, LocalDate today) {
        if (phase == Phase.BABY && expectedDueDate != null) {
            LocalDate aim = expectedDueDate.minus(babyMarginBeforeDueDate);
            return aim.isBefore(today) ? today : aim;
        }
        LocalDate from = fundedOn != null ? fundedOn : today;
        return from.plusDays(toddlerDaysAfterFunding);
    }
}
