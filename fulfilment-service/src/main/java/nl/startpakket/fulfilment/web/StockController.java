package nl.startpakket.fulfilment.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.startpakket.fulfilment.api.CountStockCommand;
import nl.startpakket.fulfilment.api.DefineStockItemCommand;
import nl.startpakket.fulfilment.api.FindStockQuery;
import nl.startpakket.fulfilment.api.ReceiveStockCommand;
import nl.startpakket.fulfilment.api.StockLine;
import nl.startpakket.fulfilment.api.StockSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock per item against the jobs waiting: volunteers and coordinators see it and book receipts
 * (donations, purchases); coordinators register items and correct counts.
 */
@RestController
@RequestMapping("/api/v1/stock")
public class StockController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    public StockController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** Every item, SHORT first, then LOW, then OK. */
    @GetMapping
    public List<StockLine> stock() {
        return queries.query(new FindStockQuery(), ResponseTypes.multipleInstancesOf(StockLine.class)).join();
    }

    @PutMapping("/{itemId}")
    public ResponseEntity<Void> define(@PathVariable String itemId, @Valid @RequestBody ItemRequest request) {
        commands.sendAndWait(new DefineStockItemCommand(itemId, request.nameNl(), request.nameEn(), request.category(),
                request.reorderLevel() == null ? 0 : request.reorderLevel(), false));
        return ResponseEntity.noContent().build();
    }

    /** A donation or purchase came in; the same {@code Idempotency-Key} counts once. */
    @PostMapping("/{itemId}/receipts")
    public ResponseEntity<Void> receive(@PathVariable String itemId, @Valid @RequestBody ReceiptRequest request,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                        Authentication user) {
        commands.sendAndWait(new ReceiveStockCommand(itemId, request.quantity(), request.source(), request.note(),
                idempotencyKey, user.getName()));
        return ResponseEntity.noContent().build();
    }

    /** A count sets the stock of an item. */
    @PostMapping("/{itemId}/counts")
    public ResponseEntity<Void> count(@PathVariable String itemId, @Valid @RequestBody CountRequest request,
                                      Authentication user) {
        commands.sendAndWait(new CountStockCommand(itemId, request.countedQuantity(), request.note(), user.getName()));
        return ResponseEntity.noContent().build();
    }

    public record ItemRequest(@NotBlank @Size(max = 120) String nameNl, @NotBlank @Size(max = 120) String nameEn,
                              @Size(max = 60) String category, @Min(0) @Max(100000) Integer reorderLevel) {
    }

    public record ReceiptRequest(@NotNull @Min(1) @Max(100000) Integer quantity, @NotNull StockSource source,
                                 @Size(max = 500) String note) {
    }

    public record CountRequest(@NotNull @Min(0) @Max(1000000) Integer countedQuantity, @Size(max = 500) String note) {
    }
}
