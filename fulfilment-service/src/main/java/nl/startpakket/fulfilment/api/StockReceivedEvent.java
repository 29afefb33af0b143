package nl.startpakket.fulfilment.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Stock came in: a donation or a purchase. */
@Revision("1")
public record StockReceivedEvent(
        String itemId,
        int quantity,
        StockSource source,
        String note,
        String receiptId,
        String receivedBy,
        Instant occurredAt) {
}
