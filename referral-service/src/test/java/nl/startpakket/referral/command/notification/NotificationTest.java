package nl.startpakket.referral.command.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import nl.startpakket.referral.api.ReferralStatus;
import nl.startpakket.referral.api.notification.DeliveryAttemptRecordedEvent;
import nl.startpakket.referral.api.notification.DeliveryAttemptStartedEvent;
import nl.startpakket.referral.api.notification.NotificationBusyException;
import nl.startpakket.referral.api.notification.NotificationChannel;
import nl.startpakket.referral.api.notification.NotificationReplayRequestedEvent;
import nl.startpakket.referral.api.notification.NotificationScheduledEvent;
import nl.startpakket.referral.api.notification.NotificationState;
import nl.startpakket.referral.api.notification.RecordDeliveryAttemptCommand;
import nl.startpakket.referral.api.notification.ReplayNotificationCommand;
import nl.startpakket.referral.api.notification.ScheduleNotificationCommand;
import nl.startpakket.referral.api.notification.StartDeliveryAttemptCommand;
import nl.startpakket.referral.api.notification.StatusChange;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:15:30Z");
    static final String ID = "N-6f1c9a52-3b1e-3c55-9a43-2f8f0b7f3a11";
    static final StatusChange CHANGE = new StatusChange("R-1", ReferralStatus.FUNDED, null, NOW.minusSeconds(5), 3);
    static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(15));

    FixtureConfiguration<Notification> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Notification.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam")));
        fixture.registerInjectableResource(POLICY);
    }

    static NotificationScheduledEvent scheduled(Instant at) {
        return new NotificationScheduledEvent(ID, "verloskundige-huizen", NotificationChannel.WEBHOOK, "wh-1", CHANGE, "e-1", at);
    }

    static DeliveryAttemptStartedEvent started(int attempt, Instant at) {
        return new DeliveryAttemptStartedEvent(ID, attempt, at.plusSeconds(15), at);
    }

    static DeliveryAttemptRecordedEvent failed(int attempt, Instant at, Instant next) {
        return new DeliveryAttemptRecordedEvent(ID, attempt, at, 12, 503, "HTTP 503", next == null ? NotificationState.FAILED
                : NotificationState.PENDING, next, at);
    }

    @Test
    void shouldScheduleOnceWhenTheSameStatusChangeComesAgain() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleNotificationCommand(ID, "verloskundige-huizen", NotificationChannel.WEBHOOK, "wh-1", CHANGE, "e-1"))
                .expectEvents(scheduled(NOW))
                .expectResultMessagePayload(true);
        fixture.given(scheduled(NOW.minusSeconds(60)))
                .when(new ScheduleNotificationCommand(ID, "verloskundige-huizen", NotificationChannel.WEBHOOK, "wh-1", CHANGE, "e-1"))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void shouldClaimTheFirstAttemptWhenScheduled() {
        fixture.given(scheduled(NOW.minusSeconds(1)))
                .when(new StartDeliveryAttemptCommand(ID))
                .expectEvents(started(1, NOW))
                .expectResultMessagePayload(1);
    }

    @Test
    void shouldNotClaimWhenAnAttemptIsUnderWay() {
        fixture.given(scheduled(NOW.minusSeconds(5)), started(1, NOW.minusSeconds(2)))
                .when(new StartDeliveryAttemptCommand(ID))
                .expectNoEvents()
                .expectResultMessagePayload(0);
    }

    @Test
    void shouldSendAgainWhenTheSenderDiedDuringAnAttempt() {
        Instant claimed = NOW.minusSeconds(20);
        fixture.given(scheduled(claimed), started(1, claimed))
                .when(new StartDeliveryAttemptCommand(ID))
                .expectEvents(new DeliveryAttemptRecordedEvent(ID, 1, claimed, 0, null, Notification.LOST_ATTEMPT,
                        NotificationState.PENDING, NOW, NOW), started(2, NOW))
                .expectResultMessagePayload(2);
    }

    @Test
    void shouldBackOffExponentiallyWhenAnAttemptFails() {
        fixture.given(scheduled(NOW.minusSeconds(30)), started(1, NOW.minusSeconds(30)), failed(1, NOW.minusSeconds(30),
                        NOW.minusSeconds(20)), started(2, NOW.minusSeconds(1)))
                .when(RecordDeliveryAttemptCommand.failed(ID, 2, 503, "HTTP 503", 12, NOW))
                .expectEvents(failed(2, NOW, NOW.plusSeconds(15)))
                .expectResultMessagePayload(NOW.plusSeconds(15));
    }

    @Test
    void shouldNotClaimWhileBackingOff() {
        fixture.given(scheduled(NOW.minusSeconds(5)), started(1, NOW.minusSeconds(5)), failed(1, NOW.minusSeconds(5), NOW.plusSeconds(5)))
                .when(new StartDeliveryAttemptCommand(ID))
                .expectNoEvents()
                .expectResultMessagePayload(0);
    }

    @Test
    void shouldFailWhenTheLastAttemptFails() {
        fixture.given(scheduled(NOW.minusSeconds(60)), started(1, NOW.minusSeconds(60)), failed(1, NOW.minusSeconds(60), NOW.minusSeconds(50)),
                        started(2, NOW.minusSeconds(40)), failed(2, NOW.minusSeconds(40), NOW.minusSeconds(25)), started(3, NOW.minusSeconds(1)))
                .when(RecordDeliveryAttemptCommand.failed(ID, 3, 503, "HTTP 503", 12, NOW))
                .expectEvents(failed(3, NOW, null))
                .expectResultMessagePayload(null);
    }

    @Test
    void shouldFailAtOnceWhenTheReceiverIsGone() {
        fixture.given(scheduled(NOW.minusSeconds(1)), started(1, NOW))
                .when(RecordDeliveryAttemptCommand.givenUp(ID, 1, "the webhook was removed", NOW))
                .expectEvents(new DeliveryAttemptRecordedEvent(ID, 1, NOW, 0, null, "the webhook was removed", NotificationState.FAILED,
                        null, NOW));
    }

    @Test
    void shouldMarkDeliveredWhenTheReceiverAccepts() {
        fixture.given(scheduled(NOW.minusSeconds(1)), started(1, NOW))
                .when(RecordDeliveryAttemptCommand.delivered(ID, 1, 204, 8, NOW))
                .expectEvents(new DeliveryAttemptRecordedEvent(ID, 1, NOW, 8, 204, null, NotificationState.DELIVERED, null, NOW));
    }

    @Test
    void shouldIgnoreTheOutcomeOfAnAttemptThatWasTakenOver() {
        fixture.given(scheduled(NOW.minusSeconds(40)), started(1, NOW.minusSeconds(40)),
                        new DeliveryAttemptRecordedEvent(ID, 1, NOW.minusSeconds(40), 0, null, Notification.LOST_ATTEMPT,
                                NotificationState.PENDING, NOW.minusSeconds(20), NOW.minusSeconds(20)), started(2, NOW.minusSeconds(20)))
                .when(RecordDeliveryAttemptCommand.delivered(ID, 1, 200, 8, NOW.minusSeconds(40)))
                .expectNoEvents();
    }

    @Test
    void shouldBeDueAgainWithFreshAttemptsWhenReplayed() {
        fixture.given(scheduled(NOW.minusSeconds(60)), started(1, NOW.minusSeconds(60)),
                        new DeliveryAttemptRecordedEvent(ID, 1, NOW.minusSeconds(60), 0, null, "gone", NotificationState.FAILED, null,
                                NOW.minusSeconds(60)), new NotificationReplayRequestedEvent(ID, "coordinator", NOW.minusSeconds(1)))
                .when(new StartDeliveryAttemptCommand(ID))
                .expectEvents(started(2, NOW));
    }

    @Test
    void shouldRefuseAReplayWhileAnAttemptIsUnderWay() {
        fixture.given(scheduled(NOW.minusSeconds(5)), started(1, NOW.minusSeconds(1)))
                .when(new ReplayNotificationCommand(ID, "coordinator"))
                .expectException(NotificationBusyException.class);
    }
}
