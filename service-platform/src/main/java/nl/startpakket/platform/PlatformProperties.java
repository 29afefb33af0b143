package nl.startpakket.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings under {@code startpakket.*} that every service shares. */
@ConfigurationProperties(prefix = "startpakket")
public class PlatformProperties {

    /** The CloudEvents {@code source} of events this service publishes, e.g. {@code /startpakket/referral-service}. */
    private String eventSource = "/startpakket/unknown";

    private final EventStore eventStore = new EventStore();

    /** Staff accounts of this service; passwords only as hashes ({@code {bcrypt}...}). */
    private final List<StaffAccount> staff = new ArrayList<>();

    public String getEventSource() {
        return eventSource;
    }

    public void setEventSource(String eventSource) {
        this.eventSource = eventSource;
    }

    public EventStore getEventStore() {
        return eventStore;
    }

    public List<StaffAccount> getStaff() {
        return staff;
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

    /** A staff member: user name, password hash, roles, and for evaluators the municipality. */
    public static class StaffAccount {
        private String username;
        private String passwordHash;
        private List<String> roles = new ArrayList<>();
        private String municipality;

        public StaffAccount() {
        }

        public StaffAccount(String username, String passwordHash, List<String> roles, String municipality) {
            this.username = username;
            this.passwordHash = passwordHash;
            this.roles = roles;
            this.municipality = municipality;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPasswordHash() {
            return passwordHash;
        }

        public void setPasswordHash(String passwordHash) {
            this.passwordHash = passwordHash;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }

        public String getMunicipality() {
            return municipality;
        }

        public void setMunicipality(String municipality) {
            this.municipality = municipality;
        }
    }
}
