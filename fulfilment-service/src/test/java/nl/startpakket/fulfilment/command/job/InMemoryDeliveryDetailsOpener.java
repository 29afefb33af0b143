package nl.startpakket.fulfilment.command.job;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.startpakket.events.SealedData;
import nl.startpakket.fulfilment.api.DeliveryPersonalData;

/** The opener's contract in memory: deterministic sealed values that open until the referral is erased. */
class InMemoryDeliveryDetailsOpener implements DeliveryDetailsOpener {

    static final Map<String, DeliveryPersonalData> SEALED = new HashMap<>();
    final Set<String> erased = new HashSet<>();

    static SealedData seal(String referralId, DeliveryPersonalData data) {
        SealedData value = new SealedData("TEST", referralId, "nonce", Integer.toHexString(data.hashCode()));
        SEALED.put(value.ciphertext(), data);
        return value;
    }

    @Override
    public Optional<DeliveryPersonalData> open(String referralId, SealedData sealed) {
        if (sealed == null || erased.contains(referralId)) {
            return Optional.empty();
        }
        return Optional.ofNullable(SEALED.get(sealed.ciphertext()));
    }
}
