package nl.startpakket.fulfilment.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import nl.startpakket.fulfilment.api.ItemQuantity;
import nl.startpakket.fulfilment.api.PackagePackedEvent;
import nl.startpakket.fulfilment.api.PackageTemplateDefinedEvent;
import nl.startpakket.fulfilment.api.PackingJobCancelledEvent;
import nl.startpakket.fulfilment.api.StockCountedEvent;
import nl.startpakket.fulfilment.api.StockItemDefinedEvent;
import nl.startpakket.fulfilment.api.StockReceivedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Stock levels and package templates. Every movement is applied once per item: the update only
 * matches when the event's id is not yet among the item's applied events.
 */
@Component
@ProcessingGroup("stock-levels")
public class StockProjection {

    private final MongoTemplate mongo;

    public StockProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(StockItemDefinedEvent event) {
        ensure(event.itemId());
        mongo.updateFirst(query(where("_id").is(event.itemId())), new Update()
                .set("nameNl", event.nameNl())
                .set("nameEn", event.nameEn())
                .set("category", event.category())
                .set("reorderLevel", event.reorderLevel())
                .set("registered", true)
                .set("updatedAt", event.occurredAt()), StockLevelView.class);
    }

    @EventHandler
    void on(StockReceivedEvent event, @MessageIdentifier String id) {
        move(event.itemId(), id, event.quantity(), event.occurredAt());
    }

    @EventHandler
    void on(StockCountedEvent event, @MessageIdentifier String id) {
        ensure(event.itemId());
        mongo.updateFirst(unapplied(event.itemId(), id), new Update()
                .set("onHand", event.countedQuantity())
                .push("appliedEvents", id)
                .set("updatedAt", event.occurredAt()), StockLevelView.class);
    }

    @EventHandler
    void on(PackagePackedEvent event, @MessageIdentifier String id) {
        for (ItemQuantity item : event.itemsUsed()) {
            move(item.itemId(), id, -item.quantity(), event.occurredAt());
        }
    }

    @EventHandler
    void on(PackingJobCancelledEvent event, @MessageIdentifier String id) {
        for (ItemQuantity item : event.restockedItems()) {
            move(item.itemId(), id, item.quantity(), event.occurredAt());
        }
    }

    @EventHandler
    void on(PackageTemplateDefinedEvent event) {
        mongo.save(new TemplateView(event.templateId(), event.phase(), event.variant(), event.name(), event.sizes(),
                event.lines(), event.version()));
    }

    @ResetHandler
    void reset() {
        mongo.remove(new Query(), StockLevelView.class);
        mongo.remove(new Query(), TemplateView.class);
    }

    private void move(String itemId, String eventId, int delta, Instant at) {
        ensure(itemId);
        mongo.updateFirst(unapplied(itemId, eventId), new Update()
                .inc("onHand", delta)
                .push("appliedEvents", eventId)
                .set("updatedAt", at), StockLevelView.class);
    }

    private static Query unapplied(String itemId, String eventId) {
        return query(where("_id").is(itemId).and("appliedEvents").ne(eventId));
    }

    /** An item that packing used before anyone registered it still gets a stock line. */
    private void ensure(String itemId) {
        mongo.upsert(query(where("_id").is(itemId)), new Update()
                .setOnInsert("nameNl", itemId)
                .setOnInsert("nameEn", itemId)
                .setOnInsert("reorderLevel", 0)
                .setOnInsert("registered", false)
                .setOnInsert("onHand", 0)
                .setOnInsert("appliedEvents", java.util.List.of()), StockLevelView.class);
    }
}
