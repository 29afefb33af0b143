package nl.startpakket.platform.security;

/** Roles of the foundation's staff and the municipalities' evaluators. */
public enum StaffRole {
    COORDINATOR,
    VOLUNTEER,
    FINANCE,
    EVALUATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
