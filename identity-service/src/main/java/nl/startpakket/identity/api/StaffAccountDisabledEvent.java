package nl.startpakket.identity.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record StaffAccountDisabledEvent(
        String username,
        String actor,
        Instant occurredAt) {
}
