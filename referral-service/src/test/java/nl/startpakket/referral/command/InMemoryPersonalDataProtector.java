package nl.startpakket.referral.command;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.startpakket.events.SealedData;
import nl.startpakket.referral.api.ReferralPersonalData;

/**
 * The protector's contract in memory, for aggregate tests: deterministic "sealed" values (the same
 * data seals to the same value, so fixtures can compare events) that open only until erased.
 */
class InMemoryPersonalDataProtector implements PersonalDataProtector {

    final Map<String, ReferralPersonalData> sealed = new HashMap<>();
    final Set<String> erased = new HashSet<>();

    static SealedData sealedOf(String referralId, ReferralPersonalData data) {
        return new SealedData("TEST", referralId, "nonce", Integer.toHexString(data.hashCode()));
    }

    @Override
    public SealedData seal(String referralId, ReferralPersonalData data) {
        if (erased.contains(referralId)) {
            throw new IllegalStateException("erased");
        }
        SealedData value = sealedOf(referralId, data);
        sealed.put(value.ciphertext(), data);
        return value;
    }

    @Override
    public Optional<ReferralPersonalData> open(String referralId, SealedData value) {
        if (erased.contains(referralId) || value == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(sealed.get(value.ciphertext()));
    }

    @Override
    public void erase(String referralId) {
        erased.add(referralId);
    }
}
