package nl.startpakket.referral.api.notification;

/** A replay was asked while an attempt of the notification is under way. */
public class NotificationBusyException extends RuntimeException {

    public NotificationBusyException(String notificationId) {
        super("Notification " + notificationId + " is being sent right now; try again in a moment.");
    }
}
