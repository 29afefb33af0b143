package nl.startpakket.referral.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.startpakket.referral.api.ReferralStatus;
import nl.startpakket.referral.api.notification.NotificationChannel;
import nl.startpakket.referral.api.notification.NotificationState;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A notification and its delivery log, as the dispatcher, the coordinator and the partner read
 * it; built from the notification's events by {@link NotificationLog}. {@code version} is the
 * sequence number of the last event applied.
 */
@Document(NotificationView.COLLECTION)
public class NotificationView {

    public static final String COLLECTION = "notifications";

    @Id
    private String id;
    private String partnerId;
    private NotificationChannel channel;
    private String target;
    private String referralId;
    private ReferralStatus status;
    private String reason;
    private Instant statusAt;
    private long referralSequence;
    private Instant scheduledAt;
    private NotificationState state;
    private Instant nextAttemptAt;
    private List<Attempt> attempts = new ArrayList<>();
    private List<Replay> replays = new ArrayList<>();
    private long version;

    /** One attempt: when, how long, the HTTP status or the error, and what followed. */
    public record Attempt(int attempt, Instant startedAt, long durationMillis, Integer httpStatus, String error,
                          NotificationState outcome) {
    }

    /** Who asked to send it again, when. */
    public record Replay(String requestedBy, Instant at) {
    }

    public Attempt lastAttempt() {
        return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
    }

    /** The lane the dispatcher sends it in: one per webhook, one for all e-mail. */
    public String lane() {
        return channel == NotificationChannel.WEBHOOK ? "webhook:" + target : "email";
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getPartnerId() {
        return partnerId;
    }

    public void setPartnerId(String partnerId) {
        this.partnerId = partnerId;
    }

    public NotificationChannel getChannel() {
        return channel;
    }

    public void setChannel(NotificationChannel channel) {
        this.channel = channel;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public String getReferralId() {
        return referralId;
    }

    public void setReferralId(String referralId) {
        this.referralId = referralId;
    }

    public ReferralStatus getStatus() {
        return status;
    }

    public void setStatus(ReferralStatus status) {
        this.status = status;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Instant getStatusAt() {
        return statusAt;
    }

    public void setStatusAt(Instant statusAt) {
        this.statusAt = statusAt;
    }

    public long getReferralSequence() {
        return referralSequence;
    }

    public void setReferralSequence(long referralSequence) {
        this.referralSequence = referralSequence;
    }

    public Instant getScheduledAt() {
        return scheduledAt;
    }

    public void setScheduledAt(Instant scheduledAt) {
        this.scheduledAt = scheduledAt;
    }

    public NotificationState getState() {
        return state;
    }

    public void setState(NotificationState state) {
        this.state = state;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public void setNextAttemptAt(Instant nextAttemptAt) {
        this.nextAttemptAt = nextAttemptAt;
    }

    public List<Attempt> getAttempts() {
        return attempts;
    }

    public void setAttempts(List<Attempt> attempts) {
        this.attempts = attempts;
    }

    public List<Replay> getReplays() {
        return replays;
    }

    public void setReplays(List<Replay> replays) {
        this.replays = replays;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
