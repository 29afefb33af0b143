package nl.startpakket.referral.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import nl.startpakket.referral.api.notification.NotificationChannel;
import nl.startpakket.referral.api.notification.RecordDeliveryAttemptCommand;
import nl.startpakket.referral.api.notification.StartDeliveryAttemptCommand;
import nl.startpakket.referral.config.NotificationProperties;
import nl.startpakket.referral.partner.PartnerDirectory;
import nl.startpakket.referral.partner.PartnerView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the due notifications. Each webhook is a <b>lane</b> of its own (all e-mail is one more):
 * at most one call per lane at a time, lanes in parallel on {@code sender-threads} threads, every
 * call bounded by the webhook timeout. A failed attempt rests its lane until that notification's
 * next attempt (exponential back-off), so an endpoint that is down costs one attempt per back-off
 * and delays no other webhook, no e-mail and nothing in the referral chain (the dispatcher only
 * reads the notification log and sends commands to notifications). Within a lane a referral's
 * notifications go in order: the next waits until the one before it is delivered or failed.
 *
 * <p>Every attempt is claimed on the notification aggregate before the call and its outcome
 * recorded after it: see {@link nl.startpakket.referral.command.notification.Notification}.
 */
@Component
public class NotificationDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    static final int PER_LANE = 50;

    private final NotificationLog notifications;
    private final CommandGateway commands;
    private final PartnerDirectory directory;
    private final WebhookSender webhooks;
    private final StatusEmails emails;
    private final NotificationProperties properties;
    private final Clock clock;
    private final ExecutorService senders;
    private final Set<String> busyLanes = ConcurrentHashMap.newKeySet();
    /** Lane → until when it rests after a failed attempt. */
    private final Map<String, Instant> restingLanes = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public NotificationDispatcher(NotificationLog notifications, CommandGateway commands, PartnerDirectory directory,
                                  WebhookSender webhooks, StatusEmails emails, NotificationProperties properties, Clock clock) {
        this.notifications = notifications;
        this.commands = commands;
        this.directory = directory;
        this.webhooks = webhooks;
        this.emails = emails;
        this.properties = properties;
        this.clock = clock;
        AtomicInteger count = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(properties.getSenderThreads(), task -> {
            Thread thread = new Thread(task, "notification-sender-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(fixedDelayString = "${startpakket.referral.notifications.poll-interval:PT1S}",
            initialDelayString = "${startpakket.referral.notifications.poll-interval:PT1S}")
    public void dispatch() {
        if (!properties.isDispatch() || stopping) {
            return;
        }
        Instant now = clock.instant();
        restingLanes.values().removeIf(until -> !until.isAfter(now));
        Map<String, List<NotificationView>> lanes = due(notifications.pendingByLane(PER_LANE), now);
        lanes.forEach((lane, due) -> {
            if (restingLanes.containsKey(lane) || !busyLanes.add(lane)) {
                return;
            }
            try {
                senders.execute(() -> drain(lane, due));
            } catch (RejectedExecutionException e) {
                busyLanes.remove(lane);
            }
        });
    }

    /**
     * Per lane the notifications to try now, oldest first: of each referral only its first
     * pending one (in the order of the referral's events), and only when it is due.
     */
    static Map<String, List<NotificationView>> due(List<NotificationView> pending, Instant now) {
        Map<String, NotificationView> first = new LinkedHashMap<>();
        pending.stream().sorted(Comparator.comparing(NotificationView::getScheduledAt)).forEach(n ->
                first.merge(n.lane() + "|" + n.getTarget() + "|" + n.getReferralId(), n,
                        (a, b) -> b.getReferralSequence() < a.getReferralSequence() ? b : a));
        Map<String, List<NotificationView>> lanes = new LinkedHashMap<>();
        first.values().stream()
                .filter(n -> n.getNextAttemptAt() == null || !n.getNextAttemptAt().isAfter(now))
                .forEach(n -> lanes.computeIfAbsent(n.lane(), lane -> new ArrayList<>()).add(n));
        return lanes;
    }

    private void drain(String lane, List<NotificationView> due) {
        try {
            for (NotificationView notification : due) {
                if (stopping) {
                    return;
                }
                Optional<Instant> rest = deliver(notification);
                if (rest.isPresent()) {
                    restingLanes.put(lane, rest.get());
                    return;
                }
            }
        } catch (ConcurrencyException e) {
            // another instance of the service claimed the attempt first and drains this lane now: nothing is sent twice
            log.debug("Notifications of lane {} are sent by another instance: {}", lane, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Notifications of lane {} wait for the next round: {}", lane, e.toString());
        } finally {
            busyLanes.remove(lane);
        }
    }

    /** Claims, sends and records one attempt; the time until which the lane rests when it failed and will be retried. */
    Optional<Instant> deliver(NotificationView notification) {
        Integer attempt = commands.sendAndWait(new StartDeliveryAttemptCommand(notification.getId()));
        if (attempt == null || attempt == 0) {
            return Optional.empty();
        }
        Instant startedAt = clock.instant();
        RecordDeliveryAttemptCommand outcome = send(notification, attempt, startedAt);
        Instant next = commands.sendAndWait(outcome);
        if (!outcome.delivered()) {
            log.info("Notification {} ({} of {} to {}) attempt {} failed: {}", notification.getId(), notification.getStatus(),
                    notification.getReferralId(), notification.lane(), attempt,
                    outcome.httpStatus() != null ? "HTTP " + outcome.httpStatus() : outcome.error());
        }
        return Optional.ofNullable(next);
    }

    private RecordDeliveryAttemptCommand send(NotificationView notification, int attempt, Instant startedAt) {
        Optional<PartnerView> partner = directory.find(notification.getPartnerId()).filter(PartnerView::isActive);
        if (notification.getChannel() == NotificationChannel.WEBHOOK) {
            Optional<PartnerView.Webhook> webhook = partner.flatMap(p -> p.webhook(notification.getTarget()));
            if (webhook.isEmpty() || !webhook.get().active()) {
                return RecordDeliveryAttemptCommand.givenUp(notification.getId(), attempt,
                        "the webhook was removed or deactivated (or its partner)", startedAt);
            }
            return webhooks.send(notification.getPartnerId(), webhook.get(), notification)
                    .command(notification.getId(), attempt, startedAt);
        }
        Optional<PartnerView.WebUser> user = partner.flatMap(p -> p.user(notification.getTarget()));
        if (user.isEmpty() || user.get().email() == null) {
            return RecordDeliveryAttemptCommand.givenUp(notification.getId(), attempt,
                    "the user was removed or has no e-mail address any more (or its partner is inactive)", startedAt);
        }
        if (!emails.isEnabled()) {
            return RecordDeliveryAttemptCommand.givenUp(notification.getId(), attempt, "e-mail is off (no SMTP host)", startedAt);
        }
        return emails.send(user.get().email(), user.get().language(), notification).command(notification.getId(), attempt, startedAt);
    }

    /** No new attempts once the service stops; one under way gets a moment to record its outcome. */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        senders.shutdown();
        if (!senders.awaitTermination(properties.getWebhookTimeout().toMillis() + 2_000, TimeUnit.MILLISECONDS)) {
            senders.shutdownNow();
        }
    }
}
