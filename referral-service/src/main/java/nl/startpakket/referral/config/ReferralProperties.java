package nl.startpakket.referral.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code startpakket.referral.*}. */
@ConfigurationProperties(prefix = "startpakket.referral")
public class ReferralProperties {

    /** Secret of the household key (HMAC-SHA256); set {@code STARTPAKKET_REFERRAL_HOUSEHOLD_SECRET} in production. */
    private String householdSecret;

    /** How many weeks a BABY referral's due date may lie in the past. */
    private int dueDateMaxWeeksPast = 4;

    /** How many weeks ahead a BABY referral's due date may lie. */
    private int dueDateMaxWeeksAhead = 42;

    /** The youngest child (months) a TODDLER referral is for. */
    private int toddlerMinAgeMonths = 3;

    /** The oldest child (months) a TODDLER referral is for. */
    private int toddlerMaxAgeMonths = 24;

    /** How long personal data is kept after a referral ended; then the retention rule erases it. */
    private final Retention retention = new Retention();

    public String getHouseholdSecret() {
        return householdSecret;
    }

    public void setHouseholdSecret(String householdSecret) {
        this.householdSecret = householdSecret;
    }

    public int getDueDateMaxWeeksPast() {
        return dueDateMaxWeeksPast;
    }

    public void setDueDateMaxWeeksPast(int dueDateMaxWeeksPast) {
        this.dueDateMaxWeeksPast = dueDateMaxWeeksPast;
    }

    public int getDueDateMaxWeeksAhead() {
        return dueDateMaxWeeksAhead;
    }

    public void setDueDateMaxWeeksAhead(int dueDateMaxWeeksAhead) {
        this.dueDateMaxWeeksAhead = dueDateMaxWeeksAhead;
    }

    public int getToddlerMinAgeMonths() {
        return toddlerMinAgeMonths;
    }

    public void setToddlerMinAgeMonths(int toddlerMinAgeMonths) {
        this.toddlerMinAgeMonths = toddlerMinAgeMonths;
    }

    public int getToddlerMaxAgeMonths() {
        return toddlerMaxAgeMonths;
    }

    public void setToddlerMaxAgeMonths(int toddlerMaxAgeMonths) {
        this.toddlerMaxAgeMonths = toddlerMaxAgeMonths;
    }

    /** Requests per partner API key on the referral API. */
    private final RateLimit rateLimit = new RateLimit();

    public Retention getRetention() {
        return retention;
    }

    public RateLimit getRateLimit() {
        return rateLimit;
    }

    /** {@code startpakket.referral.rate-limit.*}: a token bucket per partner API key, per instance. */
    public static class RateLimit {

        private boolean enabled = true;

        /** Requests a key may make at once. */
        private long capacity = 120;

        /** Tokens added per period (greedily, spread over the period). */
        private long refillTokens = 120;

        private Duration refillPeriod = Duration.ofMinutes(1);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public long getCapacity() {
            return capacity;
        }

        public void setCapacity(long capacity) {
            this.capacity = capacity;
        }

        public long getRefillTokens() {
            return refillTokens;
        }

        public void setRefillTokens(long refillTokens) {
            this.refillTokens = refillTokens;
        }

        public Duration getRefillPeriod() {
            return refillPeriod;
        }

        public void setRefillPeriod(Duration refillPeriod) {
            this.refillPeriod = refillPeriod;
        }
    }

    /** {@code startpakket.referral.retention.*}: erase personal data a configurable time after the referral ended. */
    public static class Retention {

        /** After delivery (the package reached the family). */
        private Duration afterDelivery = Duration.ofDays(180);

        /** After cancellation or rejection. */
        private Duration afterClosing = Duration.ofDays(30);

        public Duration getAfterDelivery() {
            return afterDelivery;
        }

        public void setAfterDelivery(Duration afterDelivery) {
            this.afterDelivery = afterDelivery;
        }

        public Duration getAfterClosing() {
            return afterClosing;
        }

        public void setAfterClosing(Duration afterClosing) {
            this.afterClosing = afterClosing;
        }
    }
}
