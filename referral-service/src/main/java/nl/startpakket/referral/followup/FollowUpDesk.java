package nl.startpakket.referral.followup;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.startpakket.platform.audit.AuditTrail;
import nl.startpakket.platform.security.StaffClaims;
import nl.startpakket.referral.api.FollowUpOutcome;
import nl.startpakket.referral.api.ParentDetails;
import nl.startpakket.referral.api.RecordFollowUpOutcomeCommand;
import nl.startpakket.referral.privacy.ReferralDataProtection;
import nl.startpakket.referral.query.FollowUpTaskView;
import nl.startpakket.referral.query.ReferralView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;

/**
 * The follow-up desk of a municipality's social team, for its pages and its API alike: the
 * tasks of the team's own municipality only, a family's contact details opened (and the viewing
 * audited) only on a task, the outcome recorded as an event of the referral. Contact details come
 * only where the parent agreed to be contacted, and no longer once the data is erased.
 */
@Service
public class FollowUpDesk {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);

    private final MongoTemplate mongo;
    private final ReferralDataProtection protection;
    private final CommandGateway commands;
    private final AuditTrail audit;

    public FollowUpDesk(MongoTemplate mongo, ReferralDataProtection protection, CommandGateway commands, AuditTrail audit) {
        this.mongo = mongo;
        this.protection = protection;
        this.commands = commands;
        this.audit = audit;
    }

    /** A task with the family's contact details as the parent shared them with the referral. */
    public record TaskDetail(FollowUpTaskView task, ParentDetails contact) {
    }

    /** The municipality a signed-in member of a social team works for, from the token's claims. */
    public static Optional<String> municipalityOf(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(StaffClaims.MUNICIPALITY_PREFIX))
                .map(a -> a.substring(StaffClaims.MUNICIPALITY_PREFIX.length()))
                .findFirst();
    }

    /** The municipality's tasks, open ones first, then by delivery date (oldest first). */
    public List<FollowUpTaskView> tasks(String municipality) {
        return mongo.find(Query.query(Criteria.where("municipality").is(municipality)), FollowUpTaskView.class)
                .stream()
                .sorted(java.util.Comparator.comparing((FollowUpTaskView t) -> t.outcome() != null)
                        .thenComparing(FollowUpTaskView::deliveredOn, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .toList();
    }

    /** The task of the municipality, with the contact details; the viewing is in the audit trail. */
    public Optional<TaskDetail> open(String referralId, String municipality, String viewer) {
        FollowUpTaskView task = mongo.findById(referralId, FollowUpTaskView.class);
        if (task == null || !task.municipality().equals(municipality)) {
            return Optional.empty();
        }
        ReferralView referral = mongo.findById(referralId, ReferralView.class);
        Optional<ParentDetails> contact = referral == null || referral.getPersonalData() == null ? Optional.empty()
                : protection.open(referralId, referral.getPersonalData()).map(data -> data.details().parent());
        if (contact.isEmpty()) {
            return Optional.empty();
        }
        audit.record(viewer, "view-follow-up-contact", referralId, Map.of("municipality", municipality));
        return Optional.of(new TaskDetail(task, contact.get()));
    }

    /** Records the outcome (an event of the referral) and waits until the desk shows it. */
    public FollowUpTaskView record(String referralId, FollowUpOutcome outcome, String municipality, String recordedBy) {
        FollowUpTaskView known = mongo.findById(referralId, FollowUpTaskView.class);
        if (known == null || !known.municipality().equals(municipality)) {
            throw new nl.startpakket.referral.api.FollowUpRefusedException("no-follow-up",
                    "No follow-up " + referralId + " of municipality " + municipality + ".");
        }
        commands.sendAndWait(new RecordFollowUpOutcomeCommand(referralId, outcome, municipality, recordedBy));
        audit.record(recordedBy, "record-follow-up-outcome", referralId, Map.of("outcome", outcome.name()));
        long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
        FollowUpTaskView task = mongo.findById(referralId, FollowUpTaskView.class);
        while ((task == null || task.outcome() != outcome) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            task = mongo.findById(referralId, FollowUpTaskView.class);
        }
        return task;
    }
}
