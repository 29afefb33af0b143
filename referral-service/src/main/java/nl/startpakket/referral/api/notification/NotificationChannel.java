package nl.startpakket.referral.api.notification;

/** How a partner hears of a status change: a signed webhook call to its system, or an e-mail to one of its web form users. */
public enum NotificationChannel {
    WEBHOOK,
    EMAIL
}
