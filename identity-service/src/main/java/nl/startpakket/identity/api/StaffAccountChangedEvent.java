package nl.startpakket.identity.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record StaffAccountChangedEvent(
        String username,
        StaffAccountTerms terms,
        String actor,
        Instant occurredAt) {
}
