package nl.startpakket.fulfilment.web;

import java.util.List;
import java.util.UUID;
import nl.startpakket.fulfilment.api.CountStockCommand;
import nl.startpakket.fulfilment.api.FindStockQuery;
import nl.startpakket.fulfilment.api.ReceiveStockCommand;
import nl.startpakket.fulfilment.api.StockLine;
import nl.startpakket.fulfilment.api.StockSource;
import nl.startpakket.fulfilment.query.StockQueries;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Stock at the distribution centre: what is short for the jobs waiting first; book donations and
 * purchases in (each form carries a receipt id, so a double submit counts once); coordinators
 * save counts.
 */
@Controller
public class StockPageController {

    private final CommandGateway commands;
    private final StockQueries stock;
    private final PageMessages messages;

    public StockPageController(CommandGateway commands, StockQueries stock, PageMessages messages) {
        this.commands = commands;
        this.stock = stock;
        this.messages = messages;
    }

    @GetMapping("/stock")
    public String stock(Model model) {
        List<StockLine> lines = stock.handle(new FindStockQuery());
        model.addAttribute("lines", lines);
        model.addAttribute("shortCount", lines.stream().filter(l -> l.state() == StockLine.State.SHORT).count());
        model.addAttribute("sources", StockSource.values());
        model.addAttribute("receiptId", UUID.randomUUID().toString());
        return "stock";
    }

    @PostMapping("/stock/receipts")
    public String receive(@RequestParam String itemId, @RequestParam int quantity, @RequestParam StockSource source,
                          @RequestParam(required = false) String note, @RequestParam(required = false) String receiptId,
                          Authentication user, RedirectAttributes redirect) {
        String text = note == null ? null : note.substring(0, Math.min(note.length(), 500));
        if (messages.attempt(redirect, () -> commands.sendAndWait(
                new ReceiveStockCommand(itemId, quantity, source, text, receiptId, user.getName())))) {
            messages.success(redirect, "flash.received", quantity);
        }
        return "redirect:/stock";
    }

    @PostMapping("/stock/counts")
    public String count(@RequestParam String itemId, @RequestParam int countedQuantity, Authentication user,
                        RedirectAttributes redirect) {
        if (messages.attempt(redirect, () -> commands.sendAndWait(
                new CountStockCommand(itemId, countedQuantity, null, user.getName())))) {
            messages.success(redirect, "flash.counted");
        }
        return "redirect:/stock";
    }
}
