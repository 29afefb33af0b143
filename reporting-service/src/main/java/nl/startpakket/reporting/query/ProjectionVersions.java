package nl.startpakket.reporting.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Which version of the projections readers see ({@code active}) and which one is being rebuilt
 * from the start of the log beside it ({@code building}). Live events are written into both, so
 * when the rebuild has caught up the switch is a single pointer change: no downtime for readers.
 * Kept in MongoDB so every instance of the service agrees.
 */
public class ProjectionVersions {

    static final String COLLECTION = "projection_versions";
    private static final String ID = "evaluation";

    private final MongoCollection<Document> collection;

    public ProjectionVersions(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    /** The state; version 1 active and nothing building when nothing was ever stored. */
    public State state() {
        Document d = collection.find(Filters.eq("_id", ID)).first();
        if (d == null) {
            return new State(1, null);
        }
        return new State(d.getInteger("active", 1), d.getInteger("building"));
    }

    public int active() {
        return state().active();
    }

    /** The versions live events go to: the active one and the one being built. */
    public List<Integer> writable() {
        return state().writable();
    }

    public void save(State state) {
        collection.replaceOne(Filters.eq("_id", ID),
                new Document("_id", ID).append("active", state.active()).append("building", state.building()),
                new ReplaceOptions().upsert(true));
    }

    /** @param building null when no rebuild runs */
    public record State(int active, Integer building) {

        public List<Integer> writable() {
            List<Integer> versions = new ArrayList<>(List.of(active));
            if (building != null && building != active) {
                versions.add(building);
            }
            return versions;
        }
    }
}
