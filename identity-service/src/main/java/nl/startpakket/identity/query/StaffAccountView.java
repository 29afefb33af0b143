package nl.startpakket.identity.query;

import java.time.Instant;
import java.util.List;
import nl.startpakket.identity.api.StaffAccountTerms;
import nl.startpakket.platform.security.StaffRole;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An account as sign-in and the pages need it: terms, whether it may sign in, its password
 * hash, who changed it last and when.
 */
@Document("staff_accounts")
public record StaffAccountView(
        @Id String username,
        String displayName,
        List<StaffRole> roles,
        String municipality,
        boolean active,
        String passwordHash,
        Instant registeredAt,
        Instant changedAt,
        String changedBy,
        Instant passwordSetAt) {

    public StaffAccountTerms terms() {
        return new StaffAccountTerms(displayName, java.util.Set.copyOf(roles), municipality);
    }

    public boolean has(StaffRole role) {
        return roles.contains(role);
    }

    StaffAccountView withTerms(StaffAccountTerms terms, String actor, Instant at) {
        return new StaffAccountView(username, terms.displayName(), terms.sortedRoles(), terms.municipality(), active, passwordHash,
                registeredAt, at, actor, passwordSetAt);
    }

    StaffAccountView withActive(boolean nowActive, String actor, Instant at) {
        return new StaffAccountView(username, displayName, roles, municipality, nowActive, passwordHash, registeredAt, at, actor,
                passwordSetAt);
    }

    StaffAccountView withPassword(String hash, String actor, Instant at) {
        return new StaffAccountView(username, displayName, roles, municipality, active, hash, registeredAt, at, actor, at);
    }
}
