package nl.startpakket.referral.api.notification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sends a notification again (same id, fresh attempts), on a coordinator's or the partner's request. */
public record ReplayNotificationCommand(@TargetAggregateIdentifier String notificationId, String requestedBy) {
}
