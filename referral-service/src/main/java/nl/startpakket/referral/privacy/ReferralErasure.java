package nl.startpakket.referral.privacy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.startpakket.platform.audit.AuditTrail;
import nl.startpakket.referral.api.EraseReferralDataCommand;
import nl.startpakket.referral.api.ErasureReason;
import nl.startpakket.referral.api.ReferralStatus;
import nl.startpakket.referral.config.ReferralProperties;
import nl.startpakket.referral.query.ReferralView;
import nl.startpakket.referral.query.ReferralViewProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Erases referrals' personal data on a coordinator's request and by the retention rule, and
 * writes every erasure to the audit trail (who, which referral, why; never the data itself).
 */
@Service
public class ReferralErasure {

    private static final Logger log = LoggerFactory.getLogger(ReferralErasure.class);
    static final String ACTION = "erase-personal-data";
    static final String SYSTEM = "system";
    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(5);
    private static final int BATCH = 500;

    private final CommandGateway commands;
    private final ReferralViewProjection views;
    private final AuditTrail audit;
    private final ReferralProperties properties;

    public ReferralErasure(CommandGateway commands, ReferralViewProjection views, AuditTrail audit, ReferralProperties properties) {
        this.commands = commands;
        this.views = views;
        this.audit = audit;
        this.properties = properties;
    }

    /** The outcome as the coordinator sees it. */
    public record Outcome(ReferralStatus status, Instant erasedAt, boolean erasedNow) {
    }

    /** Erases on request; empty for an unknown referral. */
    public Optional<Outcome> onRequest(String referralId, String coordinator, String reason) {
        if (views.find(referralId).isEmpty()) {
            return Optional.empty();
        }
        boolean erasedNow = Boolean.TRUE.equals(commands.sendAndWait(
                new EraseReferralDataCommand(referralId, ErasureReason.REQUEST, coordinator)));
        if (erasedNow) {
            audit.record(coordinator, ACTION, referralId, Map.of("trigger", ErasureReason.REQUEST.name(), "reason", reason));
        }
        ReferralView view = awaitErased(referralId);
        return Optional.of(new Outcome(view.getStatus(), view.getErasedAt(), erasedNow));
    }

    /**
     * The retention rule at {@code now}: erases what was delivered longer than
     * {@code retention.after-delivery} ago, or cancelled or rejected longer than
     * {@code retention.after-closing} ago. Answers how many were erased now.
     */
    public int eraseExpired(Instant now) {
        ReferralProperties.Retention retention = properties.getRetention();
        Instant deliveredBefore = now.minus(retention.getAfterDelivery());
        Instant closedBefore = now.minus(retention.getAfterClosing());
        int erased = 0;
        List<String> due = views.dueForErasure(deliveredBefore, closedBefore, BATCH);
        for (String referralId : due) {
            try {
                if (Boolean.TRUE.equals(commands.sendAndWait(new EraseReferralDataCommand(referralId, ErasureReason.RETENTION, SYSTEM)))) {
                    audit.record(SYSTEM, ACTION, referralId, Map.of("trigger", ErasureReason.RETENTION.name(),
                            "afterDelivery", retention.getAfterDelivery().toString(),
                            "afterClosing", retention.getAfterClosing().toString()));
                    erased++;
                }
            } catch (RuntimeException e) {
                log.warn("Retention could not erase {}: {}", referralId, e.getMessage());
            }
        }
        if (erased > 0) {
            log.info("Retention erased the personal data of {} referral(s)", erased);
        }
        return erased;
    }

    private ReferralView awaitErased(String referralId) {
        Instant deadline = Instant.now().plus(VISIBLE_WITHIN);
        ReferralView view = views.find(referralId).orElseThrow();
        while (!view.isErased() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            view = views.find(referralId).orElseThrow();
        }
        return view;
    }
}
