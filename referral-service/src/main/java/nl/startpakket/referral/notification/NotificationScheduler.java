package nl.startpakket.referral.notification;

import com.mongodb.client.model.ReplaceOptions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import nl.startpakket.referral.api.ReferralAcceptedEvent;
import nl.startpakket.referral.api.ReferralCancelledEvent;
import nl.startpakket.referral.api.ReferralProgressRecordedEvent;
import nl.startpakket.referral.api.ReferralRejectedEvent;
import nl.startpakket.referral.api.ReferralStatus;
import nl.startpakket.referral.api.ReferralSubmittedEvent;
import nl.startpakket.referral.api.notification.NotificationChannel;
import nl.startpakket.referral.api.notification.ScheduleNotificationCommand;
import nl.startpakket.referral.api.notification.StatusChange;
import nl.startpakket.referral.command.notification.Notification;
import nl.startpakket.referral.partner.PartnerDirectory;
import nl.startpakket.referral.partner.PartnerView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns every status change of a referral into notifications, as events in the log before
 * anything is sent (the outbox, DESIGN.md): one per webhook of the referral's partner that wants
 * the status, one per web form user of the partner with an e-mail address (when e-mail is on).
 * A <b>tracking</b> processor ({@code notification-scheduler}): it reads the referral events in
 * order and moves its token only after the notifications are stored, so a crash repeats an event
 * at worst, and the notification ids are derived from the referral event and the target, so a
 * repeat schedules nothing twice. A webhook or address hears of the changes from the moment it
 * was registered or set on, so a replay of old events never reaches a new receiver.
 */
@Component
@ProcessingGroup(NotificationScheduler.PROCESSING_GROUP)
public class NotificationScheduler {

    public static final String PROCESSING_GROUP = "notification-scheduler";
    /** The partner of each referral, from its submission: the progress events do not carry it. */
    static final String REFERRAL_PARTNERS = "notification_referral_partners";

    private final CommandGateway commands;
    private final PartnerDirectory directory;
    private final StatusEmails emails;
    private final MongoTemplate mongo;

    public NotificationScheduler(CommandGateway commands, PartnerDirectory directory, StatusEmails emails, MongoTemplate mongo) {
        this.commands = commands;
        this.directory = directory;
        this.emails = emails;
        this.mongo = mongo;
    }

    @EventHandler
    void on(ReferralSubmittedEvent event) {
        mongo.getCollection(REFERRAL_PARTNERS).replaceOne(new Document("_id", event.referralId()),
                new Document("_id", event.referralId()).append("partnerId", event.partnerId()),
                new ReplaceOptions().upsert(true));
    }

    @EventHandler
    void on(ReferralAcceptedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        schedule(event.partnerId(), eventId, new StatusChange(event.referralId(), ReferralStatus.ACCEPTED, null, event.occurredAt(),
                sequence), event.occurredAt());
    }

    @EventHandler
    void on(ReferralRejectedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        schedule(event.partnerId(), eventId, new StatusChange(event.referralId(), ReferralStatus.REJECTED, event.reason(),
                event.occurredAt(), sequence), event.occurredAt());
    }

    @EventHandler
    void on(ReferralCancelledEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        schedule(event.partnerId(), eventId, new StatusChange(event.referralId(), ReferralStatus.CANCELLED, event.reason(),
                event.occurredAt(), sequence), event.occurredAt());
    }

    /** Only a stage that moved the status on; the reason code of a hold (e.g. the cap is reached) goes with it. */
    @EventHandler
    void on(ReferralProgressRecordedEvent event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        if (!event.statusChanged()) {
            return;
        }
        String reason = event.stage() == ReferralStatus.ON_HOLD ? event.detail() : null;
        partnerOf(event.referralId()).ifPresent(partnerId -> schedule(partnerId, eventId,
                new StatusChange(event.referralId(), event.stage(), reason, event.reachedAt(), sequence), event.occurredAt()));
    }

    private void schedule(String partnerId, String eventId, StatusChange change, Instant changedAt) {
        Optional<PartnerView> found = directory.find(partnerId);
        if (found.isEmpty()) {
            return;
        }
        PartnerView partner = found.get();
        for (PartnerView.Webhook webhook : partner.getWebhooks()) {
            if (webhook.wants(change.status()) && !webhook.createdAt().isAfter(changedAt)) {
                send(partnerId, NotificationChannel.WEBHOOK, webhook.webhookId(), change, eventId);
            }
        }
        if (!emails.isEnabled()) {
            return;
        }
        for (PartnerView.WebUser user : partner.getUsers()) {
            if (user.email() != null && user.emailSince() != null && !user.emailSince().isAfter(changedAt)) {
                send(partnerId, NotificationChannel.EMAIL, user.username(), change, eventId);
            }
        }
    }

    private void send(String partnerId, NotificationChannel channel, String target, StatusChange change, String eventId) {
        commands.sendAndWait(new ScheduleNotificationCommand(notificationId(eventId, channel, target), partnerId, channel, target,
                change, eventId));
    }

    /** Stable for one status change and one receiver: the receiver's deduplication key ({@code webhook-id}, CloudEvent {@code id}). */
    static String notificationId(String referralEventId, NotificationChannel channel, String target) {
        String seed = referralEventId + "|" + channel + "|" + target;
        return Notification.ID_PREFIX + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    }

    private Optional<String> partnerOf(String referralId) {
        Document mapping = mongo.getCollection(REFERRAL_PARTNERS).find(new Document("_id", referralId)).first();
        return Optional.ofNullable(mapping).map(m -> m.getString("partnerId"));
    }
}
