package nl.startpakket.platform.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who did what, when: claims, amendments, key rotations, exports, erasures, dead-letter replays.
 * Kept in the service's own database (append only) and written to the {@code startpakket.audit}
 * log. Entries name people by their account, never carry a family's personal data.
 */
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger("startpakket.audit");
    static final String COLLECTION = "audit_trail";

    private final MongoCollection<Document> collection;
    private final Clock clock;

    public AuditTrail(MongoDatabase database, Clock clock) {
        this.collection = database.getCollection(COLLECTION);
        this.collection.createIndex(Indexes.descending("at"));
        this.clock = clock;
    }

    /** Records one action by {@code actor} on {@code subject} (e.g. a job or contract id). */
    public AuditEntry record(String actor, String action, String subject, Map<String, String> details) {
        AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), clock.instant(), actor, action, subject, Map.copyOf(details));
        collection.insertOne(new Document("_id", entry.id())
                .append("at", Date.from(entry.at()))
                .append("actor", actor)
                .append("action", action)
                .append("subject", subject)
                .append("details", new Document(Map.<String, Object>copyOf(details))));
        log.info("actor={} action={} subject={} details={}", actor, action, subject, details);
        return entry;
    }

    /** The newest entries first, optionally only of one actor or one subject. */
    public List<AuditEntry> recent(String actor, String subject, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (actor != null) {
            filters.add(Filters.eq("actor", actor));
        }
        if (subject != null) {
            filters.add(Filters.eq("subject", subject));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        List<AuditEntry> entries = new ArrayList<>();
        for (Document d : collection.find(filter).sort(Sorts.descending("at")).limit(limit)) {
            Document details = d.get("details", Document.class);
            Map<String, String> map = new java.util.LinkedHashMap<>();
            if (details != null) {
                details.forEach((k, v) -> map.put(k, String.valueOf(v)));
            }
            entries.add(new AuditEntry(d.getString("_id"), d.getDate("at").toInstant(), d.getString("actor"),
                    d.getString("action"), d.getString("subject"), map));
        }
        return entries;
    }

    /** One line of the audit trail. */
    public record AuditEntry(String id, Instant at, String actor, String action, String subject, Map<String, String> details) {
    }
}
