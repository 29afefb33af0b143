package nl.startpakket.platform.messaging;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.util.Date;
import org.bson.Document;

/**
 * Which inbound events a consumer has fully handled, by event id, in the service's own database.
 * Together with commands that are idempotent in the aggregate, a redelivered message changes
 * nothing.
 */
public class ProcessedEventStore {

    static final String COLLECTION = "processed_events";

    private final MongoCollection<Document> collection;
    private final Clock clock;

    public ProcessedEventStore(MongoDatabase database, Clock clock) {
        this.collection = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    public boolean isProcessed(String consumer, String eventId) {
        return collection.find(Filters.eq("_id", key(consumer, eventId))).first() != null;
    }

    public void markProcessed(String consumer, String eventId, String type) {
        try {
            collection.insertOne(new Document("_id", key(consumer, eventId))
                    .append("type", type)
                    .append("processedAt", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static String key(String consumer, String eventId) {
        return consumer + ":" + eventId;
    }
}
