package nl.startpakket.fulfilment.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A stock item exists with these names (Dutch, English), category and reorder level. */
@Revision("1")
public record StockItemDefinedEvent(
        String itemId,
        String nameNl,
        String nameEn,
        String category,
        int reorderLevel,
        Instant occurredAt) {
}
