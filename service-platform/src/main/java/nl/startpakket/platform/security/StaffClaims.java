package nl.startpakket.platform.security;

/**
 * The claims of a staff token that the services read, as the identity provider issues them
 * (identity-service, or Keycloak with the mappers of {@code docker/keycloak/startpakket-realm.json}).
 */
public final class StaffClaims {

    /** The account's user name; {@code sub} when absent (a provider whose subject is the user name). */
    public static final String USERNAME = "preferred_username";
    /** The display name. */
    public static final String NAME = "name";
    /** The roles, names of {@link StaffRole}; others are ignored. */
    public static final String ROLES = "roles";
    /** The CBS code of the municipality an account of a municipality's role belongs to. */
    public static final String MUNICIPALITY = "municipality";

    /** Authority prefix for the municipality an account may see, e.g. {@code MUNICIPALITY_GM0406}. */
    public static final String MUNICIPALITY_PREFIX = "MUNICIPALITY_";

    private StaffClaims() {
    }
}
