package nl.startpakket.reporting.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Which instance of the service runs the rebuild of the projections, and how far it got, kept in
 * MongoDB so that every instance answers the same status and only one rebuilds at a time. The
 * running instance holds a lease it renews with each progress report; a lease not renewed within
 * {@code timeout} belongs to an instance that stopped, and another may take the rebuild over.
 */
public class RebuildRegister {

    static final String COLLECTION = ProjectionVersions.COLLECTION;
    private static final String ID = "evaluation-rebuild";
    public static final String RUNNING = "RUNNING";

    private final MongoCollection<Document> collection;

    public RebuildRegister(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    /** What the last (or running) rebuild did, as its instance last reported it. */
    public record Progress(String state, Integer buildingVersion, long eventsProjected, long eventsSkipped, Instant startedAt,
                           Instant finishedAt, String reason, String error, String owner, Instant heartbeatAt) {
    }

    /**
     * Takes the rebuild for {@code owner} unless another instance runs one whose lease is younger
     * than {@code timeout}: one atomic write, so of two instances asking at once one wins.
     */
    public boolean claim(String owner, int buildingVersion, String reason, Instant now, Duration timeout) {
        Bson free = Filters.and(Filters.eq("_id", ID), Filters.or(Filters.ne("state", RUNNING),
                Filters.lt("heartbeatAt", Date.from(now.minus(timeout)))));
        try {
            collection.updateOne(free, Updates.combine(
                    Updates.set("state", RUNNING), Updates.set("owner", owner), Updates.set("heartbeatAt", Date.from(now)),
                    Updates.set("buildingVersion", buildingVersion), Updates.set("eventsProjected", 0L),
                    Updates.set("eventsSkipped", 0L), Updates.set("startedAt", Date.from(now)), Updates.set("finishedAt", null),
                    Updates.set("reason", reason), Updates.set("error", null)), new UpdateOptions().upsert(true));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false; // the register exists and a live instance holds it: the upsert's insert collided
            }
            throw e;
        }
    }

    /** Renews {@code owner}'s lease with its progress; false when another instance took the rebuild over. */
    public boolean progress(String owner, long eventsProjected, long eventsSkipped, Instant now) {
        return collection.updateOne(held(owner), Updates.combine(Updates.set("heartbeatAt", Date.from(now)),
                Updates.set("eventsProjected", eventsProjected), Updates.set("eventsSkipped", eventsSkipped)))
                .getMatchedCount() == 1;
    }

    /** Ends {@code owner}'s rebuild as {@code state} ({@code SWITCHED} or {@code FAILED}); false when it was no longer its. */
    public boolean finish(String owner, String state, long eventsProjected, long eventsSkipped, String error, Instant now) {
        return collection.updateOne(held(owner), Updates.combine(Updates.set("state", state),
                Updates.set("heartbeatAt", Date.from(now)), Updates.set("finishedAt", Date.from(now)),
                Updates.set("eventsProjected", eventsProjected), Updates.set("eventsSkipped", eventsSkipped),
                Updates.set("error", error))).getMatchedCount() == 1;
    }

    /** Whether a rebuild is registered as running but its instance stopped renewing the lease. */
    public boolean abandoned(Instant now, Duration timeout) {
        return current().filter(p -> RUNNING.equals(p.state()) && p.heartbeatAt().isBefore(now.minus(timeout))).isPresent();
    }

    public Optional<Progress> current() {
        Document d = collection.find(Filters.eq("_id", ID)).first();
        if (d == null) {
            return Optional.empty();
        }
        return Optional.of(new Progress(d.getString("state"), d.getInteger("buildingVersion"), number(d, "eventsProjected"),
                number(d, "eventsSkipped"), instant(d, "startedAt"), instant(d, "finishedAt"), d.getString("reason"),
                d.getString("error"), d.getString("owner"), instant(d, "heartbeatAt")));
    }

    private static Bson held(String owner) {
        return Filters.and(Filters.eq("_id", ID), Filters.eq("owner", owner), Filters.eq("state", RUNNING));
    }

    private static long number(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static Instant instant(Document d, String field) {
        Date date = d.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
