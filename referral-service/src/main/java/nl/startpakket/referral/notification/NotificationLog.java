package nl.startpakket.referral.notification;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import nl.startpakket.referral.api.notification.DeliveryAttemptRecordedEvent;
import nl.startpakket.referral.api.notification.DeliveryAttemptStartedEvent;
import nl.startpakket.referral.api.notification.NotificationChannel;
import nl.startpakket.referral.api.notification.NotificationReplayRequestedEvent;
import nl.startpakket.referral.api.notification.NotificationScheduledEvent;
import nl.startpakket.referral.api.notification.NotificationState;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The notifications and their delivery logs ({@link NotificationView}, collection
 * {@code notifications}): a <b>tracking</b> processor ({@code notification-log}), so a notification
 * whose event is stored is in this list sooner or later, also after a crash right after storing
 * it (the token only moves after the write). Each document keeps the sequence number of its last
 * event: a replayed event changes nothing. The dispatcher reads the pending ones from here; the
 * aggregate decides whether one is really due when it is claimed, so a document that lags behind
 * its events costs a refused claim, never a second send.
 */
@Component
@ProcessingGroup(NotificationLog.PROCESSING_GROUP)
public class NotificationLog {

    public static final String PROCESSING_GROUP = "notification-log";
    static final int PAGE = 100;

    private final MongoTemplate mongo;

    public NotificationLog(MongoTemplate mongo) {
        this.mongo = mongo;
        var notifications = mongo.getCollection(NotificationView.COLLECTION);
        notifications.createIndex(Indexes.ascending("state", "nextAttemptAt"), new IndexOptions().name("pending"));
        notifications.createIndex(Indexes.ascending("partnerId", "scheduledAt"), new IndexOptions().name("partner"));
    }

    @EventHandler
    void on(NotificationScheduledEvent event, @SequenceNumber long sequence) {
        if (mongo.findById(event.notificationId(), NotificationView.class) != null) {
            return;
        }
        NotificationView view = new NotificationView();
        view.setId(event.notificationId());
        view.setPartnerId(event.partnerId());
        view.setChannel(event.channel());
        view.setTarget(event.target());
        view.setReferralId(event.change().referralId());
        view.setStatus(event.change().status());
        view.setReason(event.change().reason());
        view.setStatusAt(event.change().at());
        view.setReferralSequence(event.change().sequence());
        view.setScheduledAt(event.occurredAt());
        view.setState(NotificationState.PENDING);
        view.setNextAttemptAt(event.occurredAt());
        view.setVersion(sequence);
        mongo.save(view);
    }

    @EventHandler
    void on(DeliveryAttemptStartedEvent event, @SequenceNumber long sequence) {
        update(event.notificationId(), sequence, view -> { });
    }

    @EventHandler
    void on(DeliveryAttemptRecordedEvent event, @SequenceNumber long sequence) {
        update(event.notificationId(), sequence, view -> {
            view.getAttempts().add(new NotificationView.Attempt(event.attempt(), event.startedAt(), event.durationMillis(),
                    event.httpStatus(), event.error(), event.state()));
            view.setState(event.state());
            view.setNextAttemptAt(event.nextAttemptAt());
        });
    }

    @EventHandler
    void on(NotificationReplayRequestedEvent event, @SequenceNumber long sequence) {
        update(event.notificationId(), sequence, view -> {
            view.getReplays().add(new NotificationView.Replay(event.requestedBy(), event.occurredAt()));
            view.setState(NotificationState.PENDING);
            view.setNextAttemptAt(event.occurredAt());
        });
    }

    private void update(String notificationId, long sequence, Consumer<NotificationView> change) {
        NotificationView view = mongo.findById(notificationId, NotificationView.class);
        if (view == null) {
            throw new IllegalStateException("Notification " + notificationId + " is missing its scheduling");
        }
        if (sequence <= view.getVersion()) {
            return;
        }
        change.accept(view);
        view.setVersion(sequence);
        mongo.save(view);
    }

    /**
     * The oldest pending notifications of every lane (each webhook, and e-mail), at most
     * {@code perLane} of each: a webhook with a long backlog never hides another's.
     */
    public List<NotificationView> pendingByLane(int perLane) {
        List<NotificationView> pending = new ArrayList<>();
        Criteria webhooks = where("state").is(NotificationState.PENDING).and("channel").is(NotificationChannel.WEBHOOK);
        for (String webhookId : mongo.findDistinct(query(webhooks), "target", NotificationView.class, String.class)) {
            pending.addAll(oldest(where("state").is(NotificationState.PENDING).and("channel").is(NotificationChannel.WEBHOOK)
                    .and("target").is(webhookId), perLane));
        }
        pending.addAll(oldest(where("state").is(NotificationState.PENDING).and("channel").is(NotificationChannel.EMAIL), perLane));
        return pending;
    }

    private List<NotificationView> oldest(Criteria criteria, int limit) {
        return mongo.find(query(criteria).with(Sort.by("scheduledAt")).limit(limit), NotificationView.class);
    }

    public Optional<NotificationView> find(String notificationId) {
        return Optional.ofNullable(mongo.findById(notificationId, NotificationView.class));
    }

    /** The partner's notifications, newest first: of one channel and target (a webhook, a user) when given, of one state. */
    public List<NotificationView> ofPartner(String partnerId, NotificationChannel channel, String target, NotificationState state,
                                            int limit) {
        Criteria criteria = where("partnerId").is(partnerId);
        if (channel != null) {
            criteria = criteria.and("channel").is(channel);
        }
        if (target != null) {
            criteria = criteria.and("target").is(target);
        }
        if (state != null) {
            criteria = criteria.and("state").is(state);
        }
        Query query = query(criteria).with(Sort.by(Sort.Direction.DESC, "scheduledAt")).limit(Math.min(limit, PAGE));
        return mongo.find(query, NotificationView.class);
    }
}
