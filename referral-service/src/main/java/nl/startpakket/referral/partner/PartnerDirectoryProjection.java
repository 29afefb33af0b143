package nl.startpakket.referral.partner;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.List;
import nl.startpakket.referral.api.partner.ApiKeyIssuedEvent;
import nl.startpakket.referral.api.partner.ApiKeyRevokedEvent;
import nl.startpakket.referral.api.partner.PartnerEvent;
import nl.startpakket.referral.api.partner.PartnerRegisteredEvent;
import nl.startpakket.referral.api.partner.PartnerTerms;
import nl.startpakket.referral.api.partner.PartnerTermsChangedEvent;
import java.util.function.UnaryOperator;
import nl.startpakket.referral.api.partner.WebUserAddedEvent;
import nl.startpakket.referral.api.partner.WebUserEmailChangedEvent;
import nl.startpakket.referral.api.partner.WebhookChangedEvent;
import nl.startpakket.referral.api.partner.WebhookRegisteredEvent;
import nl.startpakket.referral.api.partner.WebhookRemovedEvent;
import nl.startpakket.referral.api.partner.WebhookSettings;
import nl.startpakket.referral.api.partner.WebUserPasswordResetEvent;
import nl.startpakket.referral.api.partner.WebUserRemovedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The partner directory: one {@link PartnerView} per partner, built from its events, read by
 * every API key authentication and every web form sign-in.
 *
 * <p>A <b>subscribing</b> processor ({@code partner-directory} in {@code application.yml}): the
 * document is written in the coordinator's own unit of work, right after the events are stored
 * and before the command returns. So a key issued in one request authenticates in the very
 * next, and a revoked key or a deactivated partner is refused in the very next, on every
 * instance (they share the database). A tracking processor would leave a gap of up to its
 * polling interval, and the command path would have to wait for it. The price: when writing the
 * document fails, the command fails (the coordinator sees an error and retries) while its events
 * may be stored already (no transactions on this Mongo set-up). Each document therefore carries
 * the sequence number of the last event applied: an event that finds a gap before it first
 * applies the missing ones from the event store, and {@link #catchUp} (called after every
 * coordinator command, and by the start-up import) brings a document up to its partner's log even
 * when no new event follows. Writes are conditional on the sequence read, so two writers never
 * apply one event twice.
 */
@Component
@ProcessingGroup(PartnerDirectoryProjection.PROCESSING_GROUP)
public class PartnerDirectoryProjection {

    public static final String PROCESSING_GROUP = "partner-directory";
    private static final int ATTEMPTS = 10;

    private final MongoTemplate mongo;
    private final EventStore eventStore;

    public PartnerDirectoryProjection(MongoTemplate mongo, EventStore eventStore) {
        this.mongo = mongo;
        this.eventStore = eventStore;
        var partners = mongo.getCollection(PartnerView.COLLECTION);
        partners.createIndex(Indexes.ascending("apiKeys.hash"), new IndexOptions().name("api_key_hash"));
        partners.createIndex(Indexes.ascending("users.username"), new IndexOptions().name("web_user_name"));
    }

    @EventHandler
    void on(PartnerEvent event, @SequenceNumber long sequence) {
        project(event, sequence);
    }

    /** Applies whatever the event log has of the partner beyond its document; nothing when it is up to date. */
    public void catchUp(String partnerId) {
        replay(partnerId, sequenceOf(mongo.findById(partnerId, PartnerView.class)) + 1, Long.MAX_VALUE);
    }

    void project(PartnerEvent event, long sequence) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            PartnerView current = mongo.findById(event.partnerId(), PartnerView.class);
            long applied = sequenceOf(current);
            if (sequence <= applied) {
                return;
            }
            if (sequence > applied + 1) {
                replay(event.partnerId(), applied + 1, sequence);
                continue;
            }
            Long expected = current == null ? null : current.getSequence();
            PartnerView next = apply(current, event);
            next.setSequence(sequence);
            if (write(expected, next)) {
                return;
            }
        }
        throw new IllegalStateException("Partner directory: could not apply event " + sequence + " of " + event.partnerId());
    }

    /** The partner's stored events from {@code from} up to (not including) {@code before}. */
    private void replay(String partnerId, long from, long before) {
        DomainEventStream stream = eventStore.readEvents(partnerId, from);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (message.getSequenceNumber() >= before) {
                return;
            }
            if (message.getPayload() instanceof PartnerEvent event) {
                project(event, message.getSequenceNumber());
            }
        }
    }

    /** Replaces the document if it is still at {@code expected} (none, or one of before the event log, when null). */
    private boolean write(Long expected, PartnerView next) {
        if (expected != null) {
            return mongo.findAndReplace(query(where("_id").is(next.getId()).and("sequence").is(expected)), next) != null;
        }
        if (mongo.findAndReplace(query(where("_id").is(next.getId()).and("sequence").exists(false)), next) != null) {
            return true;
        }
        try {
            mongo.insert(next);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static long sequenceOf(PartnerView view) {
        return view == null || view.getSequence() == null ? -1 : view.getSequence();
    }

    /** The document after the event; {@code current} is the document before it (changed in place). */
    static PartnerView apply(PartnerView current, PartnerEvent event) {
        if (event instanceof PartnerRegisteredEvent registered) {
            PartnerView view = new PartnerView();
            view.setId(registered.partnerId());
            setTerms(view, registered.terms());
            return view;
        }
        if (current == null) {
            throw new IllegalStateException("Partner " + event.partnerId() + " has events before its registration");
        }
        if (event instanceof PartnerTermsChangedEvent changed) {
            setTerms(current, changed.terms());
        } else if (event instanceof ApiKeyIssuedEvent issued) {
            current.getApiKeys().add(new PartnerView.ApiKey(issued.keyId(), issued.keyHash(), issued.occurredAt(), null));
        } else if (event instanceof ApiKeyRevokedEvent revoked) {
            current.setApiKeys(current.getApiKeys().stream()
                    .map(key -> key.keyId().equals(revoked.keyId()) && key.isValid()
                            ? new PartnerView.ApiKey(key.keyId(), key.hash(), key.createdAt(), revoked.occurredAt()) : key)
                    .collect(ArrayList::new, List::add, List::addAll));
        } else if (event instanceof WebUserAddedEvent added) {
            current.getUsers().removeIf(user -> user.username().equals(added.username()));
            current.getUsers().add(new PartnerView.WebUser(added.username(), added.passwordHash(), added.occurredAt()));
        } else if (event instanceof WebUserPasswordResetEvent reset) {
            changeUser(current, reset.username(), user -> user.withPasswordHash(reset.passwordHash()));
        } else if (event instanceof WebUserEmailChangedEvent changed) {
            changeUser(current, changed.username(), user -> user.withEmail(changed.email(), changed.language(),
                    changed.email() == null ? null : changed.occurredAt()));
        } else if (event instanceof WebUserRemovedEvent removed) {
            current.getUsers().removeIf(user -> user.username().equals(removed.username()));
        } else {
            applyWebhook(current, event);
        }
        return current;
    }

    private static void applyWebhook(PartnerView current, PartnerEvent event) {
        if (event instanceof WebhookRegisteredEvent registered) {
            current.getWebhooks().removeIf(webhook -> webhook.webhookId().equals(registered.webhookId()));
            WebhookSettings settings = registered.settings();
            current.getWebhooks().add(new PartnerView.Webhook(registered.webhookId(), settings.url(), settings.statuses(),
                    settings.active(), registered.signingSecret(), registered.occurredAt(), registered.occurredAt()));
        } else if (event instanceof WebhookChangedEvent changed) {
            WebhookSettings settings = changed.settings();
            current.setWebhooks(current.getWebhooks().stream()
                    .map(webhook -> webhook.webhookId().equals(changed.webhookId())
                            ? new PartnerView.Webhook(webhook.webhookId(), settings.url(), settings.statuses(), settings.active(),
                            webhook.signingSecret(), webhook.createdAt(), changed.occurredAt()) : webhook)
                    .collect(ArrayList::new, List::add, List::addAll));
        } else if (event instanceof WebhookRemovedEvent removed) {
            current.getWebhooks().removeIf(webhook -> webhook.webhookId().equals(removed.webhookId()));
        }
    }

    private static void changeUser(PartnerView current, String username, UnaryOperator<PartnerView.WebUser> change) {
        current.setUsers(current.getUsers().stream()
                .map(user -> user.username().equals(username) ? change.apply(user) : user)
                .collect(ArrayList::new, List::add, List::addAll));
    }

    private static void setTerms(PartnerView view, PartnerTerms terms) {
        view.setName(terms.name());
        view.setIntermediaryType(terms.intermediaryType());
        view.setMunicipalities(new ArrayList<>(terms.municipalities()));
        view.setActive(terms.active());
    }
}
