package nl.startpakket.platform.security;

/** Roles of the foundation's staff and the municipalities' evaluators. */
public enum StaffRole {
    COORDINATOR,
    VOLUNTEER,
    FINANCE,
    /** Sees the figures of one municipality, never a family. */
    EVALUATOR;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether an account with this role belongs to one municipality (its token names it). */
    public boolean perMunicipality() {
        return this == EVALUATOR;
    }
}
