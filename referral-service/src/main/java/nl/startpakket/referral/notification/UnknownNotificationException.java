package nl.startpakket.referral.notification;

/** No such notification of this partner (or of this webhook). */
public class UnknownNotificationException extends RuntimeException {

    public UnknownNotificationException(String notificationId) {
        super("No notification " + notificationId + ".");
    }
}
