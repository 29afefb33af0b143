package nl.startpakket.fulfilment.config;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the packing queue under {@code startpakket.fulfilment.*}. */
@ConfigurationProperties(prefix = "startpakket.fulfilment")
public class FulfilmentProperties {

    /** How long before the due date a BABY package should have left the foundation. */
    private Period babyDeadlineMargin = Period.ofWeeks(4);

    /** How many days after funding a TODDLER package should have left the foundation. */
    private int toddlerDeadlineDays = 14;

    /** A job whose deadline is at most this many days away is shown as at risk. */
    private int atRiskDays = 7;

    /** A claim not packed within this time goes back to the queue. */
    private Duration staleClaimAfter = Duration.ofHours(4);

    /** How often stale claims are looked for. */
    private Duration staleClaimCheckInterval = Duration.ofMinutes(5);

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

    public int getAtRiskDays() {
        return atRiskDays;
    }

    public void setAtRiskDays(int atRiskDays) {
        this.atRiskDays = atRiskDays;
    }

    public Duration getStaleClaimAfter() {
        return staleClaimAfter;
    }

    public void setStaleClaimAfter(Duration staleClaimAfter) {
        this.staleClaimAfter = staleClaimAfter;
    }

    public Duration getStaleClaimCheckInterval() {
        return staleClaimCheckInterval;
    }

    public void setStaleClaimCheckInterval(Duration staleClaimCheckInterval) {
        this.staleClaimCheckInterval = staleClaimCheckInterval;
    }
}
