package nl.startpakket.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntry;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;

/**
 * B2: the stack's own Mongo server with the plain driver: documents exactly as Axon's
 * document-per-event strategy writes them (our typical event as payload), into a collection with
 * the Axon event collection's indexes; single and batched inserts, and the tracking processors'
 * read: everything sorted by (timestamp, sequenceNumber), in batches.
 */
final class RawMongo {

    private final MongoDatabase database;
    private final Serializer serializer = JacksonSerializer.builder().objectMapper(Events.JSON.copy()).build();
    private final AtomicLong aggregates = new AtomicLong();

    RawMongo(MongoClient client) {
        this.database = client.getDatabase("bench-raw-mongo");
    }

    /** A fresh event collection with Axon's indexes (and its snapshot collection). */
    MongoCollection<Document> freshCollection() {
        String name = "domainevents_" + UUID.randomUUID().toString().substring(0, 8);
        MongoCollection<Document> events = database.getCollection(name);
        MongoCollection<Document> snapshots = database.getCollection(name + "_snapshots");
        new DocumentPerEventStorageStrategy().ensureIndexes(events, snapshots);
        return events;
    }

    /** An Axon event document of our typical event, as the next of a short aggregate stream. */
    Document eventDocument() {
        long n = aggregates.incrementAndGet();
        String aggregateId = "R-" + (n / 3);
        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>("Referral", aggregateId, n % 3,
                Events.sampleAccepted(aggregateId));
        return new EventEntry(message, serializer).asDocument(EventEntryConfiguration.getDefault());
    }

    List<Document> documents(int count) {
        List<Document> documents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            documents.add(eventDocument());
        }
        return documents;
    }

    /** insertOne per document, one after another, from {@code threads} threads; documents per second. */
    double singleInserts(MongoCollection<Document> collection, int count, int threads) throws Exception {
        List<Document> documents = documents(count);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long begin = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                done.add(pool.submit(() -> {
                    for (int i = first; i < count; i += threads) {
                        collection.insertOne(documents.get(i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return Stats.perSecond(count, System.nanoTime() - begin);
        } finally {
            pool.shutdownNow();
        }
    }

    /** insertMany of {@code batch} documents at a time, one thread; documents per second. */
    double batchedInserts(MongoCollection<Document> collection, int count, int batch) {
        List<Document> documents = documents(count);
        long begin = System.nanoTime();
        for (int i = 0; i < count; i += batch) {
            collection.insertMany(documents.subList(i, Math.min(count, i + batch)));
        }
        return Stats.perSecond(count, System.nanoTime() - begin);
    }

    /** The whole collection in (timestamp, sequenceNumber) order, 1,000 per batch; documents per second. */
    double sortedRead(MongoCollection<Document> collection) {
        long begin = System.nanoTime();
        long read = 0;
        try (MongoCursor<Document> cursor = collection.find()
                .sort(new Document("timestamp", 1).append("sequenceNumber", 1))
                .batchSize(1000).iterator()) {
            while (cursor.hasNext()) {
                cursor.next();
                read++;
            }
        }
        return Stats.perSecond(read, System.nanoTime() - begin);
    }

    void drop(MongoCollection<Document> collection) {
        String name = collection.getNamespace().getCollectionName();
        collection.drop();
        database.getCollection(name + "_snapshots").drop();
    }
}
