package nl.startpakket.referral.api.notification;

/** Where a notification stands: waiting for (another) attempt, delivered, or failed after its last attempt. */
public enum NotificationState {
    PENDING,
    DELIVERED,
    FAILED
}
