package nl.startpakket.referral.query;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import nl.startpakket.referral.api.FindReferralQuery;
import nl.startpakket.referral.api.FindReferralsQuery;
import nl.startpakket.referral.api.ReferralAcceptedEvent;
import nl.startpakket.referral.api.ReferralAmendedEvent;
import nl.startpakket.referral.api.ReferralCancelledEvent;
import nl.startpakket.referral.api.ReferralProgressRecordedEvent;
import nl.startpakket.referral.api.ReferralRejectedEvent;
import nl.startpakket.referral.api.ReferralStatus;
import nl.startpakket.referral.api.ReferralSubmittedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
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

    public ReferralViewProjection(MongoTemplate mongo) {
        this.mongo = mongo;
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
        view.setParentName(event.details() != null && event.details().parent() != null ? event.details().parent().name() : null);
        addHistory(view, eventId, ReferralStatus.SUBMITTED, event.occurredAt(), "SUBMITTED", null);
        mongo.save(view);
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
            addHistory(view, eventId, ReferralStatus.REJECTED, event.occurredAt(), "REJECTED", event.reason());
        });
    }

    @EventHandler
    void on(ReferralCancelledEvent event, @MessageIdentifier String eventId) {
        update(event.referralId(), view -> {
            view.setStatus(ReferralStatus.CANCELLED);
            view.setCancellationReason(event.reason());
            addHistory(view, eventId, ReferralStatus.CANCELLED, event.occurredAt(), "CANCELLED", event.reason());
        });
    }

    @EventHandler
    void on(ReferralAmendedEvent event, @MessageIdentifier String eventId) {
        update(event.referralId(), view -> {
            if (event.details().parent() != null) {
                view.setParentName(event.details().parent().name());
            }
            addHistory(view, eventId, view.getStatus(), event.occurredAt(), "AMENDED", String.join(",", event.changedFields()));
        });
    }

    @EventHandler
    void on(ReferralProgressRecordedEvent event, @MessageIdentifier String eventId) {
        update(event.referralId(), view -> {
            if (event.statusChanged()) {
                view.setStatus(event.stage());
            }
            addHistory(view, eventId, event.stage(), event.reachedAt(), event.stage().name(), event.detail());
        });
    }

    @QueryHandler
    public Optional<ReferralView> handle(FindReferralQuery query) {
        return Optional.ofNullable(mongo.findById(query.referralId(), ReferralView.class))
                .filter(view -> view.getPartnerId().equals(query.partnerId()));
    }

    @QueryHandler
    public List<ReferralView> handle(FindReferralsQuery query) {
        Criteria criteria = Criteria.where("partnerId").is(query.partnerId());
        if (query.status() != null) {
            criteria = criteria.and("status").is(query.status());
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "submittedAt")), ReferralView.class);
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
        mongo.save(view);
    }

    private static void addHistory(ReferralView view, String eventId, ReferralStatus status, java.time.Instant at,
                                   String event, String detail) {
        if (!view.hasEntry(eventId)) {
            view.getHistory().add(new ReferralView.HistoryEntry(eventId, status, at, event, detail));
            view.getHistory().sort(java.util.Comparator.comparing(ReferralView.HistoryEntry::at));
        }
    }
}
