package nl.startpakket.fulfilment.command.stock;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import nl.startpakket.fulfilment.api.CountStockCommand;
import nl.startpakket.fulfilment.api.DefineStockItemCommand;
import nl.startpakket.fulfilment.api.ReceiveStockCommand;
import nl.startpakket.fulfilment.api.StockCountedEvent;
import nl.startpakket.fulfilment.api.StockItemDefinedEvent;
import nl.startpakket.fulfilment.api.StockReceivedEvent;
import nl.startpakket.fulfilment.api.StockRefusal;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One kind of thing that goes into packages (rompers 50/56, a picture book): its names and the
 * receipts and counts of it. What packing takes out is recorded on the packing jobs; the stock
 * level is the projection of both.
 */
@Aggregate(cache = "stockItemCache")
public class StockItem {

    @AggregateIdentifier
    private String itemId;
    private boolean defined;
    private String nameNl;
    private String nameEn;
    private String category;
    private int reorderLevel;
    private final Set<String> receiptIds = new HashSet<>();

    protected StockItem() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DefineStockItemCommand command, Clock clock) {
        if (defined && command.ifAbsent()) {
            return;
        }
        if (command.itemId() == null || !command.itemId().matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new StockRefusal("An item id is 1-64 lower-case letters, digits and dashes.");
        }
        if (isBlank(command.nameNl()) || isBlank(command.nameEn())) {
            throw new StockRefusal("An item needs a Dutch and an English name.");
        }
        if (command.reorderLevel() < 0) {
            throw new StockRefusal("The reorder level cannot be negative.");
        }
        if (defined && Objects.equals(nameNl, command.nameNl().trim()) && Objects.equals(nameEn, command.nameEn().trim())
                && Objects.equals(category, command.category()) && reorderLevel == command.reorderLevel()) {
            return;
        }
        apply(new StockItemDefinedEvent(command.itemId(), command.nameNl().trim(), command.nameEn().trim(),
                command.category(), command.reorderLevel(), clock.instant()));
    }

    @CommandHandler
    public void handle(ReceiveStockCommand command, Clock clock) {
        if (command.receiptId() != null && receiptIds.contains(command.receiptId())) {
            return; // the same receipt again
        }
        if (command.quantity() <= 0) {
            throw new StockRefusal("A receipt needs a positive quantity.");
        }
        if (command.source() == null) {
            throw new StockRefusal("A receipt is a donation or a purchase.");
        }
        apply(new StockReceivedEvent(itemId, command.quantity(), command.source(), blankToNull(command.note()),
                command.receiptId(), command.receivedBy(), clock.instant()));
    }

    @CommandHandler
    public void handle(CountStockCommand command, Clock clock) {
        if (command.countedQuantity() < 0) {
            throw new StockRefusal("A count cannot be negative.");
        }
        apply(new StockCountedEvent(itemId, command.countedQuantity(), blankToNull(command.note()), command.countedBy(),
                clock.instant()));
    }

    @EventSourcingHandler
    void on(StockItemDefinedEvent event) {
        itemId = event.itemId();
        defined = true;
        nameNl = event.nameNl();
        nameEn = event.nameEn();
        category = event.category();
        reorderLevel = event.reorderLevel();
    }

    @EventSourcingHandler
    void on(StockReceivedEvent event) {
        if (event.receiptId() != null) {
            receiptIds.add(event.receiptId());
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return isBlank(value) ? null : value.trim();
    }
}
