package nl.startpakket.fulfilment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A physical count corrects the stock: from now on there are {@code countedQuantity}. */
public record CountStockCommand(
        @TargetAggregateIdentifier String itemId,
        int countedQuantity,
        String note,
        String countedBy) {
}
