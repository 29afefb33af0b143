package nl.startpakket.platform.security;

/** Roles of the foundation's staff and the municipalities' evaluators. */
public enum StaffRole {
    COORDINATOR,
    VOLUNTEER,
    FINANCE,
    /** Sees the figures of one municipality, never a family. */
    EVALUATOR,
    /**
     * The social team of one municipality: follows up a delivered package with the family that
     * agreed to be contacted about further help, and records the outcome.
     */
    SOCIAL_TEAM;

    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether an account with this role belongs to one municipality (its token names it). */
    public boolean perMunicipality() {
        return this == EVALUATOR || this == SOCIAL_TEAM;
    }
}
