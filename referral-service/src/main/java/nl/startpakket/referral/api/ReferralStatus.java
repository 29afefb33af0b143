package nl.startpakket.referral.api;

/**
 * The status of a referral as the partner sees it. The progress statuses after acceptance have a
 * rank: the status is the furthest stage reached, a late earlier-stage event only adds history.
 */
public enum ReferralStatus {
    SUBMITTED(0),
    ACCEPTED(1),
    REJECTED(-1),
    ON_HOLD(2),
    FUNDED(3),
    PACKING(4),
    PACKED(5),
    DELIVERED(6),
    CANCELLED(-1);

    private final int progressRank;

    ReferralStatus(int progressRank) {
        this.progressRank = progressRank;
    }

    /** Whether this status ends the referral's lifecycle (nothing moves it on). */
    public boolean isFinal() {
        return this == REJECTED || this == CANCELLED || this == DELIVERED;
    }

    /** Whether reaching {@code next} from here moves the referral forward. */
    public boolean isBefore(ReferralStatus next) {
        return progressRank >= 0 && next.progressRank > progressRank;
    }

    /** Packing has started (or more): delivery details can no longer change. */
    public boolean isPackingOrLater() {
        return progressRank >= PACKING.progressRank;
    }
}
