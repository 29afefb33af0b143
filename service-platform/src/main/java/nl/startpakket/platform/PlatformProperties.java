package nl.startpakket.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code startpakket.*} that every service shares. */
@ConfigurationProperties(prefix = "startpakket")
public class PlatformProperties {

    /** The CloudEvents {@code source} of events this service publishes, e.g. {@code /startpakket/referral-service}. */
    private String eventSource = "/startpakket/unknown";

    private final EventStore eventStore = new EventStore();

    public String getEventSource() {
        return eventSource;
    }

    public void setEventSource(String eventSource) {
        this.eventSource = eventSource;
    }

    public EventStore getEventStore() {
        return eventStore;
    }

    public static class EventStore {

        /**
         * How far a tracking token looks back for events that became visible after later ones
         * (concurrent writers, slow inserts). Events committed later than this after their
         * timestamp would be skipped, so it is generous.
         */
        private Duration lookBack = Duration.ofSeconds(10);

        /**
         * How many of the latest events the event store keeps in memory for the tracking
         * processors that read at the head (a processor further behind reads the store itself).
         * Each kept event holds its own tracking token, which names every event of the look-back
         * window: during a burst (an import of history) that is the window's event count per kept
         * event, so this bounds the memory a burst takes. Axon's default is 10,000.
         */
        private int cachedEvents = 256;

        public int getCachedEvents() {
            return cachedEvents;
        }

        public void setCachedEvents(int cachedEvents) {
            this.cachedEvents = cachedEvents;
        }

        public Duration getLookBack() {
            return lookBack;
        }

        public void setLookBack(Duration lookBack) {
            this.lookBack = lookBack;
        }
    }
}
