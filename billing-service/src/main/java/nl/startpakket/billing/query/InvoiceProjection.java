package nl.startpakket.billing.query;

import io.micrometer.core.instrument.MeterRegistry;
import nl.startpakket.billing.api.InvoiceIssuedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Issued invoices and credit notes, one document each, keyed by id (an event processed twice changes nothing). */
@Component
@ProcessingGroup("invoices")
public class InvoiceProjection {

    private final MongoTemplate mongo;
    private final MeterRegistry registry;

    public InvoiceProjection(MongoTemplate mongo, MeterRegistry registry) {
        this.mongo = mongo;
        this.registry = registry;
    }

    @EventHandler
    void on(InvoiceIssuedEvent event) {
        boolean isNew = mongo.findById(event.invoiceId(), InvoiceDocument.class) == null;
        mongo.save(InvoiceDocument.of(event));
        if (isNew) {
            registry.counter("startpakket.invoices.issued", "kind", event.kind().name(),
                    "municipality", event.municipality()).increment();
        }
    }
}
