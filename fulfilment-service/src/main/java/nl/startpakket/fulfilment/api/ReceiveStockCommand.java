package nl.startpakket.fulfilment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A donation or purchase arrived. {@code receiptId} (optional) makes a retried receipt count once. */
public record ReceiveStockCommand(
        @TargetAggregateIdentifier String itemId,
        int quantity,
        StockSource source,
        String note,
        String receiptId,
        String receivedBy) {
}
