package nl.startpakket.referral.api.notification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Claims the next attempt of a due notification for a sender. Answers the attempt number, or 0
 * when the notification is not due (delivered, failed, backing off, or another attempt is under
 * way and its lease has not run out).
 */
public record StartDeliveryAttemptCommand(@TargetAggregateIdentifier String notificationId) {
}
