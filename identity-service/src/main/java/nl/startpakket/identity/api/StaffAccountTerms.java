package nl.startpakket.identity.api;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import nl.startpakket.platform.security.StaffRole;

/**
 * What an account may do: its display name, roles, and for an evaluator the one municipality
 * (CBS code) whose figures it may see.
 */
public record StaffAccountTerms(String displayName, Set<StaffRole> roles, String municipality) {

    public StaffAccountTerms {
        Objects.requireNonNull(displayName, "displayName");
        roles = Set.copyOf(roles);
    }

    /** The roles in a stable order, for tokens and pages. */
    public List<StaffRole> sortedRoles() {
        return List.copyOf(new TreeSet<>(roles));
    }

    /** Why these terms cannot hold, or null when they can. */
    public String violation() {
        if (displayName.isBlank()) {
            return "An account needs a display name.";
        }
        if (roles.isEmpty()) {
            return "An account needs at least one role.";
        }
        boolean needsMunicipality = roles.stream().anyMatch(StaffRole::perMunicipality);
        if (needsMunicipality && (municipality == null || municipality.isBlank())) {
            return "An account with the role " + roles.stream().filter(StaffRole::perMunicipality).findFirst().orElseThrow()
                    + " belongs to one municipality.";
        }
        if (!needsMunicipality && municipality != null) {
            return "Only an account of a municipality's role (EVALUATOR, SOCIAL_TEAM) has a municipality.";
        }
        return null;
    }
}
