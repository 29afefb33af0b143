package nl.startpakket.referral.partner;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * When each API key and each web form user was last used successfully, and so each partner.
 * An observation, not a coordinator's act: not an event, kept beside the directory in
 * {@code partner_last_use} (one document per key or user). A use is written at most once a
 * minute per key or user and instance (time from the injected {@link Clock}); the uses in
 * between are not written, so what is shown is accurate to the minute.
 */
@Component
public class PartnerLastUse {

    static final String COLLECTION = "partner_last_use";
    static final Duration GRANULARITY = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(PartnerLastUse.class);

    private final MongoCollection<Document> uses;
    private final Clock clock;
    /** What this instance wrote last, per key or user: the writes it may skip. */
    private final ConcurrentMap<String, Instant> written = new ConcurrentHashMap<>();

    public PartnerLastUse(MongoTemplate mongo, Clock clock) {
        this.uses = mongo.getCollection(COLLECTION);
        this.clock = clock;
        uses.createIndex(Indexes.ascending("partnerId"), new IndexOptions().name("partner"));
    }

    /** The last uses of one partner: of the partner as a whole, of each key, of each user. */
    public record Uses(Instant partner, Map<String, Instant> keys, Map<String, Instant> users) {

        public static final Uses NONE = new Uses(null, Map.of(), Map.of());

        public Instant key(String keyId) {
            return keys.get(keyId);
        }

        public Instant user(String username) {
            return users.get(username);
        }
    }

    public void keyUsed(String partnerId, String keyId) {
        record(partnerId, Kind.KEY, keyId);
    }

    public void userSignedIn(String partnerId, String username) {
        record(partnerId, Kind.USER, username);
    }

    public Uses of(String partnerId) {
        return byPartner(uses.find(Filters.eq("partnerId", partnerId))).getOrDefault(partnerId, Uses.NONE);
    }

    /** The last uses of every partner that was ever used, by partner id. */
    public Map<String, Uses> ofAll() {
        return byPartner(uses.find());
    }

    private static Map<String, Uses> byPartner(Iterable<Document> documents) {
        Map<String, Uses> partners = new HashMap<>();
        for (Document use : documents) {
            Uses before = partners.getOrDefault(use.getString("partnerId"), Uses.NONE);
            Instant at = use.getDate("lastUsedAt").toInstant();
            Map<String, Instant> keys = new HashMap<>(before.keys());
            Map<String, Instant> users = new HashMap<>(before.users());
            (Kind.KEY.name().equals(use.getString("kind")) ? keys : users).put(use.getString("name"), at);
            partners.put(use.getString("partnerId"), new Uses(later(before.partner(), at), keys, users));
        }
        return partners;
    }

    private enum Kind { KEY, USER }

    private void record(String partnerId, Kind kind, String name) {
        Instant now = clock.instant();
        String id = partnerId + "/" + kind.name().toLowerCase() + "/" + name;
        boolean[] due = {false};
        written.compute(id, (k, last) -> {
            if (last != null && now.isBefore(last.plus(GRANULARITY))) {
                return last;
            }
            due[0] = true;
            return now;
        });
        if (!due[0]) {
            return;
        }
        try {
            // $max: instances writing out of order never move a last use back
            uses.updateOne(Filters.eq("_id", id), Updates.combine(
                    Updates.set("partnerId", partnerId), Updates.set("kind", kind.name()), Updates.set("name", name),
                    Updates.max("lastUsedAt", Date.from(now))), new UpdateOptions().upsert(true));
        } catch (MongoException e) {
            written.remove(id, now);
            log.warn("Could not record the use of {}: {}", id, e.getMessage());
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
