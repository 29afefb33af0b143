package nl.startpakket.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An event that crosses a service border. Immutable, past tense, carrying its own identity,
 * the moment it happened and the key of the aggregate it belongs to (the Kafka message key and
 * the CloudEvents {@code subject}). Its logical type name and schema version live in
 * {@link EventCatalog}, never in the Java class name.
 */
public interface IntegrationEvent {

    /** Unique per event; consumers deduplicate on it. Stable across re-publication. */
    UUID eventId();

    /** When the fact happened in the producing service. */
    Instant occurredAt();

    /** The aggregate key: a referral id, or a contract id for contract and invoice events. */
    String subject();
}
