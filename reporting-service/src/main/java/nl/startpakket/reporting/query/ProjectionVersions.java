package nl.startpakket.reporting.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Which version of the projections readers see ({@code active}) and which one is being rebuilt
 * from the start of the log beside it ({@code building}). Live events are written into both, so
 * when the rebuild has caught up the switch is a single pointer change: no downtime for readers.
 * {@code schema} is the {@link EvaluationProjection#SCHEMA} the active version was built with:
 * when the code's schema is newer, the service rebuilds at startup. Kept in MongoDB so every
 * instance of the service agrees.
 */
public class ProjectionVersions {

    static final String COLLECTION = "projection_versions";
    private static final String ID = "evaluation";

    private final MongoCollection<Document> collection;
    private final Duration staleness;
    private volatile Cached cached;

    /** The versions as last read, and when (monotonic clock). */
    private record Cached(List<Integer> writable, long readAtNanos) {
    }

    public ProjectionVersions(MongoDatabase database) {
        this(database, Duration.ZERO);
    }

    /**
     * @param staleness how long {@link #writable()} may answer what it read before, instead of
     *                  reading it again for every live event (a rebuild waits longer than this
     *                  before it takes its end offsets, see {@link #staleness()})
     */
    public ProjectionVersions(MongoDatabase database, Duration staleness) {
        this.collection = database.getCollection(COLLECTION);
        this.staleness = staleness;
    }

    /** How old the versions that {@link #writable()} answers can be, at most. */
    public Duration staleness() {
        return staleness;
    }

    /** The state; when nothing was ever stored, version 1 of the current schema is active. */
    public State state() {
        Document d = collection.find(Filters.eq("_id", ID)).first();
        if (d == null) {
            return new State(1, EvaluationProjection.SCHEMA, null);
        }
        return new State(d.getInteger("active", 1), d.getInteger("schema", 1), d.getInteger("building"));
    }

    /**
     * Stores the state when none was ever stored, so that a later schema can tell what the active
     * version was built with. Call it before any event is projected. Before schema 2 no state was
     * stored until the first rebuild: facts found in version 1 without a stored state were built
     * with schema 1, and the next startup check rebuilds them.
     *
     * @param activeHasFacts whether version 1 already holds facts
     */
    public State initialise(boolean activeHasFacts) {
        if (collection.find(Filters.eq("_id", ID)).first() == null) {
            save(new State(1, activeHasFacts ? 1 : EvaluationProjection.SCHEMA, null));
        }
        return state();
    }

    public int active() {
        return state().active();
    }

    /**
     * The versions live events go to: the active one and the one being built, as read at most
     * {@link #staleness()} ago (by any instance's change: this instance's own {@link #save} counts
     * at once).
     */
    public List<Integer> writable() {
        Cached last = cached;
        long now = System.nanoTime();
        if (last != null && now - last.readAtNanos() < staleness.toNanos()) {
            return last.writable();
        }
        List<Integer> writable = List.copyOf(state().writable());
        cached = new Cached(writable, now);
        return writable;
    }

    public void save(State state) {
        cached = null;
        collection.replaceOne(Filters.eq("_id", ID),
                new Document("_id", ID).append("active", state.active()).append("schema", state.schema())
                        .append("building", state.building()),
                new ReplaceOptions().upsert(true));
        cached = null;
    }

    /** @param building null when no rebuild runs */
    public record State(int active, int schema, Integer building) {

        public List<Integer> writable() {
            List<Integer> versions = new ArrayList<>(List.of(active));
            if (building != null && building != active) {
                versions.add(building);
            }
            return versions;
        }

        public State building(int version) {
            return new State(active, schema, version);
        }

        /** The built version becomes the active one, of the current schema. */
        public State switched() {
            return new State(building, EvaluationProjection.SCHEMA, null);
        }

        public boolean outdated() {
            return schema < EvaluationProjection.SCHEMA;
        }
    }
}
