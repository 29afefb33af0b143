package nl.startpakket.fulfilment.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a stock item or changes its names, category or reorder level. {@code ifAbsent}: only
 * register, never change (for seeding at start-up, so a restart changes nothing).
 */
public record DefineStockItemCommand(
        @TargetAggregateIdentifier String itemId,
        String nameNl,
        String nameEn,
        String category,
        int reorderLevel,
        boolean ifAbsent) {
}
