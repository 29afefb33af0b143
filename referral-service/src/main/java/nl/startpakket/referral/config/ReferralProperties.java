package nl.startpakket.referral.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code startpakket.referral.*}. */
@ConfigurationProperties(prefix = "startpakket.referral")
public class ReferralProperties {

    /** Secret of the household key (HMAC-SHA256); set {@code STARTPAKKET_REFERRAL_HOUSEHOLD_SECRET} in production. */
    private String householdSecret;

    /** Municipalities (CBS code to name) that referrals may be made for. */
    private Map<String, String> municipalities = new LinkedHashMap<>();

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

    public Map<String, String> getMunicipalities() {
        return municipalities;
    }

    public void setMunicipalities(Map<String, String> municipalities) {
        this.municipalities = municipalities;
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

    public Retention getRetention() {
        return retention;
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
