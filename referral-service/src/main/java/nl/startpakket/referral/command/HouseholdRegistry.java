package nl.startpakket.referral.command;

import java.util.Optional;
import nl.startpakket.events.Phase;
import nl.startpakket.referral.api.ReferralStatus;

/**
 * Which referral holds a household for a phase. One holder per household key and phase, enforced
 * by the store (a unique index), so two concurrent referrals for the same household cannot both
 * be accepted. A cancelled holder releases its claim.
 */
public interface HouseholdRegistry {

    /**
     * Claims the household for the referral.
     *
     * @return empty when the referral now holds it (or already did), otherwise the referral that holds it
     */
    Optional<String> claim(String householdKey, Phase phase, String referralId);

    /** Gives the claim up, if this referral holds it. */
    void release(String householdKey, Phase phase, String referralId);

    /** The status partners see of a referral, if known yet. */
    Optional<ReferralStatus> statusOf(String referralId);
}
