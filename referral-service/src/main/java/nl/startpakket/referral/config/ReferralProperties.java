package nl.startpakket.referral.config;

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

    /** Largest request body accepted on the referral API, in bytes. */
    private int maxRequestBytes = 16 * 1024;

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

    public int getMaxRequestBytes() {
        return maxRequestBytes;
    }

    public void setMaxRequestBytes(int maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }
}
