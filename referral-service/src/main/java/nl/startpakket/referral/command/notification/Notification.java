package nl.startpakket.referral.command.notification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import nl.startpakket.referral.api.notification.DeliveryAttemptRecordedEvent;
import nl.startpakket.referral.api.notification.DeliveryAttemptStartedEvent;
import nl.startpakket.referral.api.notification.NotificationBusyException;
import nl.startpakket.referral.api.notification.NotificationReplayRequestedEvent;
import nl.startpakket.referral.api.notification.NotificationScheduledEvent;
import nl.startpakket.referral.api.notification.NotificationState;
import nl.startpakket.referral.api.notification.RecordDeliveryAttemptCommand;
import nl.startpakket.referral.api.notification.ReplayNotificationCommand;
import nl.startpakket.referral.api.notification.ScheduleNotificationCommand;
import nl.startpakket.referral.api.notification.StartDeliveryAttemptCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One notification of one status change to one webhook or web form user: the outbox entry and its
 * delivery log. Every attempt is claimed (an event) before it is sent and its outcome recorded
 * after, so across restarts nothing is lost (a claimed attempt without an outcome is sent again
 * once its lease ran out) and two senders never hold one notification at once (the claim is a
 * command on this aggregate: of two, the second finds it taken).
 */
@Aggregate(cache = "notificationCache")
public class Notification {

    /** Notification ids are {@code N-<uuid>}: never a partner's id (lower case) or a referral's ({@code R-}). */
    public static final String ID_PREFIX = "N-";

    /** The log line of an attempt whose sender stopped before it recorded the outcome. */
    public static final String LOST_ATTEMPT = "no outcome recorded: the sender stopped during the attempt";

    @AggregateIdentifier
    private String notificationId;
    private NotificationState state;
    private int attempts;
    private int failuresSinceReplay;
    private Instant nextAttemptAt;
    private int attemptInFlight;
    private Instant leaseUntil;

    protected Notification() {
        // for Axon
    }

    /** True when scheduled now; false when it was scheduled before (the same status change again). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(ScheduleNotificationCommand command, Clock clock) {
        if (notificationId != null) {
            return false;
        }
        if (command.notificationId() == null || !command.notificationId().startsWith(ID_PREFIX) || command.change() == null
                || command.channel() == null || command.target() == null || command.partnerId() == null) {
            throw new IllegalArgumentException("A notification needs an id N-…, a partner, a channel, a target and a status change.");
        }
        apply(new NotificationScheduledEvent(command.notificationId(), command.partnerId(), command.channel(), command.target(),
                command.change(), command.sourceEventId(), clock.instant()));
        return true;
    }

    /** The attempt number claimed, or 0 when the notification is not due now. */
    @CommandHandler
    public int handle(StartDeliveryAttemptCommand command, RetryPolicy policy, Clock clock) {
        Instant now = clock.instant();
        if (state != NotificationState.PENDING || nextAttemptAt.isAfter(now) || isInFlight(now)) {
            return 0;
        }
        if (attemptInFlight != 0) {
            // its sender stopped between claiming and recording: the attempt may have arrived, it is sent again
            boolean last = failuresSinceReplay + 1 >= policy.maxAttempts();
            apply(new DeliveryAttemptRecordedEvent(notificationId, attemptInFlight, leaseUntil.minus(policy.attemptLease()), 0, null,
                    LOST_ATTEMPT, last ? NotificationState.FAILED : NotificationState.PENDING, last ? null : now, now));
            if (last) {
                return 0;
            }
        }
        int attempt = attempts + 1;
        apply(new DeliveryAttemptStartedEvent(notificationId, attempt, now.plus(policy.attemptLease()), now));
        return attempt;
    }

    /**
     * When the next attempt is due; null when there is none (delivered, failed), or when the
     * attempt is not the one under way (its lease ran out and another took over): then nothing changes.
     */
    @CommandHandler
    public Instant handle(RecordDeliveryAttemptCommand command, RetryPolicy policy, Clock clock) {
        if (state != NotificationState.PENDING || command.attempt() != attemptInFlight) {
            return null;
        }
        Instant now = clock.instant();
        NotificationState next;
        Instant nextAttempt = null;
        if (command.delivered()) {
            next = NotificationState.DELIVERED;
        } else if (!command.retryable() || failuresSinceReplay + 1 >= policy.maxAttempts()) {
            next = NotificationState.FAILED;
        } else {
            next = NotificationState.PENDING;
            nextAttempt = now.plus(policy.backoff(failuresSinceReplay + 1));
        }
        apply(new DeliveryAttemptRecordedEvent(notificationId, command.attempt(), command.startedAt(), command.durationMillis(),
                command.httpStatus(), command.error(), next, nextAttempt, now));
        return nextAttempt;
    }

    @CommandHandler
    public void handle(ReplayNotificationCommand command, Clock clock) {
        if (isInFlight(clock.instant())) {
            throw new NotificationBusyException(notificationId);
        }
        apply(new NotificationReplayRequestedEvent(notificationId, command.requestedBy(), clock.instant()));
    }

    private boolean isInFlight(Instant now) {
        return attemptInFlight != 0 && leaseUntil.isAfter(now);
    }

    @EventSourcingHandler
    void on(NotificationScheduledEvent event) {
        notificationId = event.notificationId();
        state = NotificationState.PENDING;
        nextAttemptAt = event.occurredAt();
    }

    @EventSourcingHandler
    void on(DeliveryAttemptStartedEvent event) {
        attempts = event.attempt();
        attemptInFlight = event.attempt();
        leaseUntil = event.leaseUntil();
    }

    @EventSourcingHandler
    void on(DeliveryAttemptRecordedEvent event) {
        attemptInFlight = 0;
        leaseUntil = null;
        state = event.state();
        nextAttemptAt = event.nextAttemptAt();
        if (event.state() == NotificationState.PENDING) {
            failuresSinceReplay++;
        }
    }

    @EventSourcingHandler
    void on(NotificationReplayRequestedEvent event) {
        state = NotificationState.PENDING;
        nextAttemptAt = event.occurredAt();
        failuresSinceReplay = 0;
        attemptInFlight = 0;
        leaseUntil = null;
    }
}
