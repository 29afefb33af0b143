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

        public Duration getLookBack() {
            return lookBack;
        }

        public void setLookBack(Duration lookBack) {
            this.lookBack = lookBack;
        }
    }
}
