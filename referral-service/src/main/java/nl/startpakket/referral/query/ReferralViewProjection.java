package nl.startpakket.referral.query;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import nl.startpakket.referral.api.FindReferralQuery;
import nl.startpakket.referral.api.FindReferralsQuery;
import nl.startpakket.referral.api.ReferralAcceptedEvent;
import nl.startpakket.referral.api.ReferralAmendedEvent;
import nl.startpakket.referral.api.ReferralCancelledEvent;
import nl.startpakket.referral.api.ReferralDataErasedEvent;
import nl.startpakket.referral.api.ReferralProgressRecordedEvent;
import nl.startpakket.referral.api.ReferralRejectedEvent;
import nl.startpakket.referral.api.ReferralStatus;
import nl.startpakket.referral.api.ReferralSubmittedEvent;
import nl.startpakket.referral.privacy.ReferralDataProtection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The partner's view of its referrals. Every history entry carries the id of the stored event it
 * comes from, so a replay of the event log rebuilds the same documents.
 */
@Component
@ProcessingGroup("referral-view")
public class ReferralViewProjection {

    private final MongoTemplate mongo;
    private final ReferralDataProtection protection;
    private final QueryUpdateEmitter updates;

    public ReferralViewProjection(MongoTemplate mongo, ReferralDataProtection protection, QueryUpdateEmitter updates) {
        this.mongo = mongo;
        this.protection = protection;
        this.updates = updates;
    }

    @EventHandler
    void on(ReferralSubmittedEvent event, @MessageIdentifier String eventId) {
        ReferralView view = Optional.ofNullable(mongo.findById(event.referralId(), ReferralView.class)).orElseGet(ReferralView::new);
        view.setReferralId(event.referralId());
        view.setPartnerId(event.partnerId());
        view.setMunicipality(event.municipality());
        view.setPhase(event.phase());
        view.setStatus(ReferralStatus.SUBMITTED);
        view.setSubmittedAt(event.occurredAt());
        view.setConsentFollowUp(event.consentFollowUp());
        view.setPersonalData(event.personalData());
        addHistory(view, eventId, ReferralStatus.SUBMITTED, event.occurredAt(), "SUBMITTED", null);
        save(view);
    }

    @EventHandler
    void on(ReferralAcceptedEvent event, @MessageIdentifier String eventId) {
        update(event.referralId(), view -> {
            view.setStatus(ReferralStatus.ACCEPTED);
            addHistory(view, eventId, ReferralStatus.ACCEPTED, event.occurredAt(), "ACCEPTED", null);
        });
    }

    @EventHandler
    void on(ReferralRejectedEvent event, @MessageIdentifier String eventId) {
        update(event.referralId(), view -> {
            view.setStatus(ReferralStatus.REJECTED);
            view.setRejectionReason(event.reason());
            view.setFirstReferralStatus(event.firstReferralStatus());
            view.setClosedAt(event.occurredAt());
            addHistory(view, eventId, ReferralStatus.REJECTED, event.occurredAt(), "REJECTED", event.reason());
        });
    }

    @EventHandler
    void on(ReferralCancelledEvent event, @MessageIdentifier String eventId) {
        update(event.referralId(), view -> {
            view.setStatus(ReferralStatus.CANCELLED);
            view.setCancellationReason(event.reason());
            view.setClosedAt(event.occurredAt());
            addHistory(view, eventId, ReferralStatus.CANCELLED, event.occurredAt(), "CANCELLED", event.reason());
        });
    }

    @EventHandler
    void on(ReferralAmendedEvent event, @MessageIdentifier String eventId) {
        update(event.referralId(), view -> {
            if (!view.isErased()) {
                view.setPersonalData(event.personalData());
            }
            addHistory(view, eventId, view.getStatus(), event.occurredAt(), "AMENDED", String.join(",", event.changedFields()));
        });
    }

    @EventHandler
    void on(ReferralProgressRecordedEvent event, @MessageIdentifier String eventId) {
        update(event.referralId(), view -> {
            if (event.statusChanged()) {
                view.setStatus(event.stage());
                if (event.stage() == ReferralStatus.DELIVERED) {
                    view.setClosedAt(event.reachedAt());
                }
            }
            addHistory(view, eventId, event.stage(), event.reachedAt(), event.stage().name(), event.detail());
        });
    }

    /** Status and history stay; the sealed copy goes (unreadable anyway without its key). */
    @EventHandler
    void on(ReferralDataErasedEvent event, @MessageIdentifier String eventId) {
        update(event.referralId(), view -> {
            view.setErasedAt(event.occurredAt());
            view.setErasureReason(event.reason().name());
            view.setPersonalData(null);
            addHistory(view, eventId, view.getStatus(), event.occurredAt(), "ERASED", event.reason().name());
        });
    }

    @QueryHandler
    public Optional<ReferralView> handle(FindReferralQuery query) {
        return Optional.ofNullable(mongo.findById(query.referralId(), ReferralView.class))
                .filter(view -> view.getPartnerId().equals(query.partnerId()))
                .map(this::reveal);
    }

    @QueryHandler
    public List<ReferralView> handle(FindReferralsQuery query) {
        Criteria criteria = Criteria.where("partnerId").is(query.partnerId());
        if (query.status() != null) {
            criteria = criteria.and("status").is(query.status());
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "submittedAt")), ReferralView.class)
                .stream().map(this::reveal).toList();
    }

    /** Any referral, by id (coordinators; no personal data is opened). */
    public Optional<ReferralView> find(String referralId) {
        return Optional.ofNullable(mongo.findById(referralId, ReferralView.class));
    }

    /**
     * Referrals whose personal data the retention rule erases now: delivered before
     * {@code deliveredBefore}, or cancelled or rejected before {@code closedBefore}, not yet erased.
     */
    public List<String> dueForErasure(java.time.Instant deliveredBefore, java.time.Instant closedBefore, int limit) {
        Criteria delivered = Criteria.where("status").is(ReferralStatus.DELIVERED).and("closedAt").lt(deliveredBefore);
        Criteria closed = Criteria.where("status").in(ReferralStatus.CANCELLED, ReferralStatus.REJECTED).and("closedAt").lt(closedBefore);
        Query query = Query.query(new Criteria().andOperator(Criteria.where("erasedAt").is(null),
                new Criteria().orOperator(delivered, closed))).with(Sort.by("closedAt")).limit(limit);
        return mongo.find(query, ReferralView.class).stream().map(ReferralView::getReferralId).toList();
    }

    /** Opens the parent's name through the vault; "[erased]" once the key is gone. */
    private ReferralView reveal(ReferralView view) {
        view.setParentName(view.isErased() ? ReferralDataProtection.ERASED
                : protection.parentName(view.getReferralId(), view.getPersonalData()));
        return view;
    }

    /** The status of any referral, for the duplicate check's answer. */
    public Optional<ReferralStatus> statusOf(String referralId) {
        return Optional.ofNullable(mongo.findById(referralId, ReferralView.class)).map(ReferralView::getStatus);
    }

    private void update(String referralId, Consumer<ReferralView> change) {
        ReferralView view = mongo.findById(referralId, ReferralView.class);
        if (view == null) {
            throw new IllegalStateException("Referral view " + referralId + " is missing its submission");
        }
        change.accept(view);
        save(view);
    }

    /**
     * Stores the view and tells whoever waits for it here (a POST waiting for its decision): the
     * update goes out when the batch's unit of work commits. It carries status and history only,
     * never the opened name.
     */
    private void save(ReferralView view) {
        mongo.save(view);
        updates.emit(FindReferralQuery.class, query -> query.referralId().equals(view.getReferralId())
                && query.partnerId().equals(view.getPartnerId()), view);
    }

    private static void addHistory(ReferralView view, String eventId, ReferralStatus status, java.time.Instant at,
                                   String event, String detail) {
        if (!view.hasEntry(eventId)) {
            view.getHistory().add(new ReferralView.HistoryEntry(eventId, status, at, event, detail));
            view.getHistory().sort(java.util.Comparator.comparing(ReferralView.HistoryEntry::at));
        }
    }
}
