package nl.startpakket.referral.privacy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Optional;
import javax.crypto.SecretKey;
import nl.startpakket.events.SealedData;
import nl.startpakket.events.delivery.v2.DeliveryDetailsShared;
import nl.startpakket.platform.privacy.PersonalDataCipher;
import nl.startpakket.platform.privacy.PersonalDataVault;
import nl.startpakket.referral.api.DeliveryDetails;
import nl.startpakket.referral.api.ParentDetails;
import nl.startpakket.referral.api.ReferralPersonalData;
import nl.startpakket.referral.command.PersonalDataProtector;
import org.springframework.stereotype.Component;

/**
 * The referral's personal data sealed with its own data key from the vault (key id = referral id,
 * associated data = referral id). The same key seals the copy that travels to fulfilment, so
 * deleting it erases the Kafka copies too.
 */
@Component
public class ReferralDataProtection implements PersonalDataProtector {

    /** What a reader sees where erased personal data used to be. */
    public static final String ERASED = "[erased]";

    private final PersonalDataVault vault;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ReferralDataProtection(PersonalDataVault vault) {
        this.vault = vault;
    }

    @Override
    public SealedData seal(String referralId, ReferralPersonalData data) {
        SecretKey key = vault.createKey(referralId, referralId);
        return PersonalDataCipher.seal(key, referralId, bytes(data), referralId);
    }

    @Override
    public Optional<ReferralPersonalData> open(String referralId, SealedData sealed) {
        return openAs(referralId, sealed, ReferralPersonalData.class);
    }

    @Override
    public void erase(String referralId) {
        vault.erase(referralId);
    }

    public boolean isErased(String referralId) {
        return vault.isErased(referralId);
    }

    /** The referral's data key, while it exists. */
    public Optional<SecretKey> key(String referralId) {
        return vault.key(referralId, referralId);
    }

    /** The parent's name for the partner's own pages, or {@link #ERASED}. */
    public String parentName(String referralId, SealedData sealed) {
        return open(referralId, sealed).map(ReferralPersonalData::details).map(DeliveryDetails::parent).map(ParentDetails::name)
                .orElse(ERASED);
    }

    /**
     * The delivery details as fulfilment receives them ({@code delivery.DeliveryDetailsShared} v2),
     * sealed with the referral's key; empty once the data was erased.
     */
    public Optional<SealedData> sealForDelivery(String referralId, SealedData sealed) {
        Optional<SecretKey> key = key(referralId);
        Optional<ReferralPersonalData> data = open(referralId, sealed);
        if (key.isEmpty() || data.isEmpty()) {
            return Optional.empty();
        }
        DeliveryDetails d = data.get().details();
        ParentDetails p = d.parent();
        DeliveryDetailsShared.PersonalData shared = new DeliveryDetailsShared.PersonalData(d.expectedDueDate(), d.childBirthDate(),
                p == null ? null : new DeliveryDetailsShared.Recipient(p.name(), p.street(), p.houseNumber(), p.postalCode(), p.city(),
                        p.phone(), p.email()),
                d.notes());
        return Optional.of(PersonalDataCipher.seal(key.get(), referralId, bytes(shared), referralId));
    }

    private <T> Optional<T> openAs(String referralId, SealedData sealed, Class<T> type) {
        if (sealed == null) {
            return Optional.empty();
        }
        Optional<SecretKey> key = vault.key(referralId, referralId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(PersonalDataCipher.open(sealed, key.get(), referralId), type));
        } catch (PersonalDataCipher.UnreadableDataException | IOException e) {
            return Optional.empty();
        }
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialise personal data", e);
        }
    }
}
