package nl.startpakket.referral.command;

import java.util.Optional;
import nl.startpakket.events.SealedData;
import nl.startpakket.referral.api.ReferralPersonalData;

/**
 * Seals and opens a referral's personal data with the referral's own data key (kept in the
 * service's key vault), and erases it by deleting that key. The aggregate keeps only the sealed
 * form in its state, so a snapshot holds no readable personal data either.
 */
public interface PersonalDataProtector {

    /** Seals with the referral's key (made now if it has none); refused once the referral was erased. */
    SealedData seal(String referralId, ReferralPersonalData data);

    /** The personal data; empty when it was erased (or the value is unreadable). */
    Optional<ReferralPersonalData> open(String referralId, SealedData sealed);

    /** Deletes the referral's data key for good. */
    void erase(String referralId);
}
