package nl.startpakket.fulfilment.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.startpakket.events.Phase;
import org.axonframework.serialization.Revision;

/** The package is packed and ready to hand over; {@code itemsUsed} left the stock. */
@Revision("1")
public record PackagePackedEvent(
        String jobId,
        String referralId,
        String municipality,
        Phase phase,
        String volunteer,
        LocalDate packedOn,
        String templateId,
        List<ItemQuantity> itemsUsed,
        Instant occurredAt) {

    public PackagePackedEvent {
        itemsUsed = itemsUsed == null ? List.of() : List.copyOf(itemsUsed);
    }
}
