package nl.startpakket.fulfilment.api;

import java.time.Instant;
import java.util.List;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/** The contents of a package template, as of {@code version} (1 for the first definition). */
@Revision("1")
public record PackageTemplateDefinedEvent(
        String templateId,
        Phase phase,
        TemplateVariant variant,
        String name,
        String sizes,
        List<ItemQuantity> lines,
        int version,
        String definedBy,
        Instant occurredAt) {

    public PackageTemplateDefinedEvent {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
