package nl.startpakket.fulfilment.command.template;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import nl.startpakket.events.Phase;
import nl.startpakket.fulfilment.api.DefineTemplateCommand;
import nl.startpakket.fulfilment.api.ItemQuantity;
import nl.startpakket.fulfilment.api.PackageTemplateDefinedEvent;
import nl.startpakket.fulfilment.api.StockRefusal;
import nl.startpakket.fulfilment.api.TemplateVariant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * What goes into a package of one phase and variant: the checklist volunteers pack from. A
 * coordinator's edit replaces the list and raises the version; jobs packed before keep what they
 * recorded.
 */
@Aggregate(cache = "packageTemplateCache")
public class PackageTemplate {

    @AggregateIdentifier
    private String templateId;
    private int version;
    private Phase phase;
    private TemplateVariant variant;
    private String name;
    private String sizes;
    private List<ItemQuantity> lines = List.of();

    protected PackageTemplate() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(DefineTemplateCommand command, Clock clock) {
        if (version > 0 && command.ifAbsent()) {
            return;
        }
        if (command.templateId() == null || !command.templateId().matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new StockRefusal("A template id is 1-64 lower-case letters, digits and dashes.");
        }
        if (command.phase() == null || command.variant() == null || command.name() == null || command.name().isBlank()) {
            throw new StockRefusal("A template needs a phase, a variant and a name.");
        }
        if (command.lines().isEmpty()) {
            throw new StockRefusal("A template needs at least one item.");
        }
        Set<String> seen = new HashSet<>();
        for (ItemQuantity line : command.lines()) {
            if (line.itemId() == null || line.quantity() <= 0) {
                throw new StockRefusal("Every line needs an item and a positive quantity.");
            }
            if (!seen.add(line.itemId())) {
                throw new StockRefusal("Item " + line.itemId() + " is listed twice.");
            }
        }
        if (version > 0 && phase == command.phase() && variant == command.variant() && name.equals(command.name().trim())
                && Objects.equals(sizes, command.sizes()) && lines.equals(command.lines())) {
            return;
        }
        apply(new PackageTemplateDefinedEvent(command.templateId(), command.phase(), command.variant(), command.name().trim(),
                command.sizes(), command.lines(), version + 1, command.definedBy(), clock.instant()));
    }

    @EventSourcingHandler
    void on(PackageTemplateDefinedEvent event) {
        templateId = event.templateId();
        version = event.version();
        phase = event.phase();
        variant = event.variant();
        name = event.name();
        sizes = event.sizes();
        lines = event.lines();
    }
}
