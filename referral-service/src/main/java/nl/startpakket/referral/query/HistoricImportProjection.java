package nl.startpakket.referral.query;

import nl.startpakket.referral.api.history.HistoricImportCompletedEvent;
import nl.startpakket.referral.api.history.HistoricImportStartedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The list of imports ({@code historic_imports}), keyed by import id: an event handled twice changes nothing. */
@Component
@ProcessingGroup(HistoricImportProjection.GROUP)
public class HistoricImportProjection {

    public static final String GROUP = "historic-imports";

    private final MongoTemplate mongo;

    public HistoricImportProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(HistoricImportStartedEvent event) {
        HistoricImportView known = mongo.findById(event.importId(), HistoricImportView.class);
        mongo.save(new HistoricImportView(event.importId(), event.fileSha256(), event.fileName(), event.rows(), event.importedBy(),
                event.occurredAt(), known == null ? null : known.completedAt(), known == null ? null : known.imported(),
                known == null ? null : known.alreadyPresent()));
    }

    @EventHandler
    void on(HistoricImportCompletedEvent event) {
        HistoricImportView started = mongo.findById(event.importId(), HistoricImportView.class);
        if (started != null) {
            mongo.save(new HistoricImportView(started.importId(), started.fileSha256(), started.fileName(), started.rows(),
                    started.importedBy(), started.startedAt(), event.occurredAt(), event.imported(), event.alreadyPresent()));
        }
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(HistoricImportView.class);
    }
}
