package nl.startpakket.referral.api.notification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Schedules one notification of a status change to one webhook ({@code target} = webhook id) or
 * one web form user ({@code target} = user name). The id is derived from the referral event and
 * the target, so scheduling again (a replayed event) changes nothing.
 */
public record ScheduleNotificationCommand(@TargetAggregateIdentifier String notificationId, String partnerId,
                                          NotificationChannel channel, String target, StatusChange change,
                                          String sourceEventId) {
}
