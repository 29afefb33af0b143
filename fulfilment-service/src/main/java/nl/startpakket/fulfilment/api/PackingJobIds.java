package nl.startpakket.fulfilment.api;

/** Packing job ids are derived from the referral, so every event about a referral finds the same job. */
public final class PackingJobIds {

    public static final String PREFIX = "J-";

    private PackingJobIds() {
    }

    public static String forReferral(String referralId) {
        return PREFIX + referralId;
    }
}
