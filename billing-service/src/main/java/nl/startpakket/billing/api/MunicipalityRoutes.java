package nl.startpakket.billing.api;

/**
 * Identity of a municipality's funding route (the aggregate that knows the municipality's
 * contracts, routes each referral to one and keeps the backlog of referrals without one).
 * Upper case, so it can never equal a contract id (lower case by the API's rules).
 */
public final class MunicipalityRoutes {

    private static final String PREFIX = "MUNICIPALITY-";

    private MunicipalityRoutes() {
    }

    public static String idOf(String municipality) {
        return PREFIX + municipality;
    }
}
