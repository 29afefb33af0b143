package nl.startpakket.fulfilment.api;

import java.util.List;
import nl.startpakket.events.Phase;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Defines what goes into a package of a phase and variant (a coordinator's edit replaces the
 * whole list). {@code ifAbsent}: only create, never change (seeding at start-up).
 */
public record DefineTemplateCommand(
        @TargetAggregateIdentifier String templateId,
        Phase phase,
        TemplateVariant variant,
        String name,
        String sizes,
        List<ItemQuantity> lines,
        String definedBy,
        boolean ifAbsent) {

    public DefineTemplateCommand {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
