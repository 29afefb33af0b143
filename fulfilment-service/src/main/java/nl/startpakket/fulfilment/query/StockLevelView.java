package nl.startpakket.fulfilment.query;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The stock of one item: receipts add, packing subtracts, a cancelled packed package adds back,
 * a count sets it. {@code appliedEvents} keeps the ids of the movements already counted, so a
 * redelivered event changes nothing.
 */
@Document(StockLevelView.COLLECTION)
public record StockLevelView(
        @Id String itemId,
        String nameNl,
        String nameEn,
        String category,
        int reorderLevel,
        boolean registered,
        int onHand,
        List<String> appliedEvents,
        Instant updatedAt) {

    public static final String COLLECTION = "stock_levels";
}
