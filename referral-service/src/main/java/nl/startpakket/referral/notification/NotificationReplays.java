package nl.startpakket.referral.notification;

import java.util.Map;
import nl.startpakket.platform.audit.AuditTrail;
import nl.startpakket.referral.api.notification.NotificationChannel;
import nl.startpakket.referral.api.notification.ReplayNotificationCommand;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/** Sends a notification again on request (a coordinator, or the partner's system for its webhooks); audited. */
@Service
public class NotificationReplays {

    private final NotificationLog notifications;
    private final CommandGateway commands;
    private final AuditTrail audit;

    public NotificationReplays(NotificationLog notifications, CommandGateway commands, AuditTrail audit) {
        this.notifications = notifications;
        this.commands = commands;
        this.audit = audit;
    }

    /**
     * Replays the partner's notification ({@code webhookId} given: only one of that webhook);
     * {@link UnknownNotificationException} for any other, {@code NotificationBusyException} while
     * an attempt is under way.
     */
    public void replay(String actor, String partnerId, String webhookId, String notificationId) {
        NotificationView notification = notifications.find(notificationId)
                .filter(n -> n.getPartnerId().equals(partnerId))
                .filter(n -> webhookId == null || n.getChannel() == NotificationChannel.WEBHOOK && n.getTarget().equals(webhookId))
                .orElseThrow(() -> new UnknownNotificationException(notificationId));
        try {
            commands.sendAndWait(new ReplayNotificationCommand(notificationId, actor));
        } catch (CommandExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        audit.record(actor, "replay-notification", partnerId, Map.of("notificationId", notificationId,
                "channel", notification.getChannel().name(), "referralId", notification.getReferralId(),
                "status", notification.getStatus().name()));
    }
}
