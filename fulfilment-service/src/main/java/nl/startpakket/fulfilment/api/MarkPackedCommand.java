package nl.startpakket.fulfilment.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The holder finished packing the job from a template; {@code itemsUsed} are the checklist's
 * ticked lines, which leave the stock.
 */
public record MarkPackedCommand(@TargetAggregateIdentifier String jobId, Actor actor, String templateId,
                                List<ItemQuantity> itemsUsed) {

    public MarkPackedCommand {
        itemsUsed = itemsUsed == null ? List.of() : List.copyOf(itemsUsed);
    }

    public MarkPackedCommand(String jobId, Actor actor) {
        this(jobId, actor, null, List.of());
    }
}
