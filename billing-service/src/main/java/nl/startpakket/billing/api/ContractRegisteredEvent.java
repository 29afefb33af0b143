package nl.startpakket.billing.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ContractRegisteredEvent(
        String contractId,
        ContractTerms terms,
        InvoicingDetails invoicing,
        String registeredBy,
        Instant occurredAt) {
}
