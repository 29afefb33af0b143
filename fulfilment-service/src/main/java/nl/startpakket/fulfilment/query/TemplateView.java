package nl.startpakket.fulfilment.query;

import java.util.List;
import nl.startpakket.events.Phase;
import nl.startpakket.fulfilment.api.ItemQuantity;
import nl.startpakket.fulfilment.api.TemplateVariant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A package template as volunteers pack from it. */
@Document(TemplateView.COLLECTION)
public record TemplateView(
        @Id String templateId,
        Phase phase,
        TemplateVariant variant,
        String name,
        String sizes,
        List<ItemQuantity> lines,
        int version) {

    public static final String COLLECTION = "package_templates";
}
