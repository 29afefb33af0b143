package nl.startpakket.referral.config;

import java.time.Duration;
import nl.startpakket.referral.command.notification.RetryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code startpakket.referral.notifications.*}: partners hearing of their referrals' status changes. */
@ConfigurationProperties(prefix = "startpakket.referral.notifications")
public class NotificationProperties {

    /** Whether this instance sends due notifications (scheduling them is not switched off). */
    private boolean dispatch = true;
    /** How often the dispatcher looks for due notifications. */
    private Duration pollInterval = Duration.ofSeconds(1);
    /** Attempts per notification before it is marked failed (a replay gives as many again). */
    private int maxAttempts = 12;
    /** The wait after the first failed attempt; doubled after each next failure. */
    private Duration initialBackoff = Duration.ofSeconds(5);
    /** The longest wait between two attempts. */
    private Duration maxBackoff = Duration.ofHours(1);
    /** How long a claimed attempt holds its notification; a sender that died is taken over after it. */
    private Duration attemptLease = Duration.ofSeconds(15);
    /** Connect and answer timeout of a webhook call. */
    private Duration webhookTimeout = Duration.ofSeconds(5);
    /** Webhooks (and e-mail) served at the same time; each webhook has at most one call under way. */
    private int senderThreads = 4;
    /**
     * Whether {@code http://localhost} and {@code http://127.0.0.1} addresses are accepted for
     * webhooks (the local stack and tests). Off in production: HTTPS only.
     */
    private boolean allowHttpLocalhost;
    /** The sender of status e-mails. */
    private String mailFrom = "noreply@startpakket.nl";

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, attemptLease);
    }

    public boolean isDispatch() {
        return dispatch;
    }

    public void setDispatch(boolean dispatch) {
        this.dispatch = dispatch;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getInitialBackoff() {
        return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
        this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public Duration getAttemptLease() {
        return attemptLease;
    }

    public void setAttemptLease(Duration attemptLease) {
        this.attemptLease = attemptLease;
    }

    public Duration getWebhookTimeout() {
        return webhookTimeout;
    }

    public void setWebhookTimeout(Duration webhookTimeout) {
        this.webhookTimeout = webhookTimeout;
    }

    public int getSenderThreads() {
        return senderThreads;
    }

    public void setSenderThreads(int senderThreads) {
        this.senderThreads = senderThreads;
    }

    public boolean isAllowHttpLocalhost() {
        return allowHttpLocalhost;
    }

    public void setAllowHttpLocalhost(boolean allowHttpLocalhost) {
        this.allowHttpLocalhost = allowHttpLocalhost;
    }

    public String getMailFrom() {
        return mailFrom;
    }

    public void setMailFrom(String mailFrom) {
        this.mailFrom = mailFrom;
    }
}
