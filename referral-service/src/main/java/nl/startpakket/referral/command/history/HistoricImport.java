package nl.startpakket.referral.command.history;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import nl.startpakket.referral.api.history.CompleteHistoricImportCommand;
import nl.startpakket.referral.api.history.HistoricImportCompletedEvent;
import nl.startpakket.referral.api.history.HistoricImportStart;
import nl.startpakket.referral.api.history.HistoricImportStartedEvent;
import nl.startpakket.referral.api.history.StartHistoricImportCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One file of history, identified by its content (SHA-256): importing the same file again finds
 * it here and emits nothing. Its rows become referrals of their own (name-based ids, so a row is
 * imported once whichever file brings it); the import records when it began and that every row
 * landed, so an import cut short resumes when the file is imported again.
 */
@Aggregate
public class HistoricImport {

    @AggregateIdentifier
    private String importId;
    private boolean completed;

    protected HistoricImport() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public HistoricImportStart handle(StartHistoricImportCommand command, Clock clock) {
        if (importId != null) {
            return completed ? HistoricImportStart.ALREADY_IMPORTED : HistoricImportStart.RESUMED;
        }
        if (!command.importId().equals(HistoricRowRules.importIdOf(command.fileSha256()))) {
            throw new IllegalArgumentException("An import's id is I- and the file's SHA-256.");
        }
        apply(new HistoricImportStartedEvent(command.importId(), command.fileSha256(), command.fileName(), command.rows(),
                command.importedBy(), clock.instant()));
        return HistoricImportStart.STARTED;
    }

    @CommandHandler
    public void handle(CompleteHistoricImportCommand command, Clock clock) {
        if (!completed) {
            apply(new HistoricImportCompletedEvent(importId, command.imported(), command.alreadyPresent(), clock.instant()));
        }
    }

    @EventSourcingHandler
    void on(HistoricImportStartedEvent event) {
        importId = event.importId();
    }

    @EventSourcingHandler
    void on(HistoricImportCompletedEvent event) {
        completed = true;
    }
}
