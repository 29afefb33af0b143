package nl.startpakket.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import nl.startpakket.events.EventCatalog;
import nl.startpakket.events.IntegrationEvent;

/**
 * Integration event ids derived from the id of the stored Axon event they come from, so that a
 * re-publication after a crash carries the same id and consumers recognise it. One stored event
 * may yield several integration events of different types; the type is part of the derivation.
 */
public final class EventIds {

    private EventIds() {
    }

    public static UUID derive(String storedEventId, Class<? extends IntegrationEvent> integrationType) {
        String seed = storedEventId + "|" + EventCatalog.of(integrationType).type();
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8));
    }
}
