package nl.startpakket.fulfilment.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import nl.startpakket.events.Phase;
import nl.startpakket.fulfilment.api.DefineTemplateCommand;
import nl.startpakket.fulfilment.api.FindTemplatesQuery;
import nl.startpakket.fulfilment.api.ItemQuantity;
import nl.startpakket.fulfilment.api.TemplateVariant;
import nl.startpakket.fulfilment.query.StockQueries;
import nl.startpakket.fulfilment.query.TemplateView;
import nl.startpakket.platform.web.ApiProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Package templates per phase and variant; coordinators edit them. */
@RestController
@RequestMapping("/api/v1/templates")
public class TemplateController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final StockQueries stock;

    public TemplateController(CommandGateway commands, QueryGateway queries, StockQueries stock) {
        this.commands = commands;
        this.queries = queries;
        this.stock = stock;
    }

    @GetMapping
    public List<TemplateView> templates(@RequestParam(required = false) Phase phase) {
        return queries.query(new FindTemplatesQuery(phase), ResponseTypes.multipleInstancesOf(TemplateView.class)).join();
    }

    @PutMapping("/{templateId}")
    public ResponseEntity<Void> define(@PathVariable String templateId, @Valid @RequestBody TemplateRequest request,
                                       Authentication user) {
        for (ItemQuantity line : request.lines()) {
            if (line.itemId() == null || !stock.itemExists(line.itemId())) {
                throw new ApiProblem(HttpStatus.BAD_REQUEST, "unknown-item", "Unknown item",
                        "No stock item " + line.itemId() + "; register it first.");
            }
        }
        commands.sendAndWait(new DefineTemplateCommand(templateId, request.phase(), request.variant(), request.name(),
                request.sizes(), request.lines(), user.getName(), false));
        return ResponseEntity.noContent().build();
    }

    public record TemplateRequest(@NotNull Phase phase, @NotNull TemplateVariant variant, @NotBlank @Size(max = 120) String name,
                                  @Size(max = 60) String sizes, @NotEmpty @Size(max = 100) List<@Valid ItemQuantity> lines) {
    }
}
