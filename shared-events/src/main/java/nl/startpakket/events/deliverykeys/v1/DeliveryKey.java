package nl.startpakket.events.deliverykeys.v1;

import java.time.Instant;
import nl.startpakket.events.SealedData;

/**
 * The value of a record on {@link nl.startpakket.events.Topics#DELIVERY_KEYS} (compacted, key =
 * referral id): the referral's data key, itself encrypted ({@code wrappedKey}) with the transport
 * key that only referral-service and fulfilment-service hold. A record with a null value (a
 * tombstone) means the referral's personal data was erased: delete the key. Not a CloudEvent: a
 * compacted topic is state, and tombstones carry no headers.
 */
public record DeliveryKey(
        String referralId,
        String keyId,
        SealedData wrappedKey,
        Instant issuedAt) {
}
