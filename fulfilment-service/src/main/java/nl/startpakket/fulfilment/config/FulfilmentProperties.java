package nl.startpakket.fulfilment.config;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the packing queue under {@code startpakket.fulfilment.*}. */
@ConfigurationProperties(prefix = "startpakket.fulfilment")
public class FulfilmentProperties {

    /** How long before the due date a BABY package should have left the foundation. */
    private Period babyDeadlineMargin = Period.ofWeeks(4);

    /** How many days after funding a TODDLER package should have left the foundation. */
    private int toddlerDeadlineDays = 14;

    public Period getBabyDeadlineMargin() {
        return babyDeadlineMargin;
    }

    public void setBabyDeadlineMargin(Period babyDeadlineMargin) {
        this.babyDeadlineMargin = babyDeadlineMargin;
    }

    public int getToddlerDeadlineDays() {
        return toddlerDeadlineDays;
    }

    public void setToddlerDeadlineDays(int toddlerDeadlineDays) {
        this.toddlerDeadlineDays = toddlerDeadlineDays;
    }
}
