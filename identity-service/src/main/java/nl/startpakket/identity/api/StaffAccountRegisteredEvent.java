package nl.startpakket.identity.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record StaffAccountRegisteredEvent(
        String username,
        StaffAccountTerms terms,
        String passwordHash,
        String actor,
        Instant occurredAt) {
}
