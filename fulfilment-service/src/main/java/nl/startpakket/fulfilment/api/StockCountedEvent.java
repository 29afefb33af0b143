package nl.startpakket.fulfilment.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A count corrected the stock of an item to {@code countedQuantity}. */
@Revision("1")
public record StockCountedEvent(
        String itemId,
        int countedQuantity,
        String note,
        String countedBy,
        Instant occurredAt) {
}
