package nl.startpakket.fulfilment.privacy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.crypto.SecretKey;
import nl.startpakket.events.SealedData;
import nl.startpakket.fulfilment.api.DeliveryPersonalData;
import nl.startpakket.fulfilment.api.Recipient;
import nl.startpakket.fulfilment.command.job.DeliveryDetailsOpener;
import nl.startpakket.fulfilment.query.JobView;
import nl.startpakket.platform.privacy.PersonalDataCipher;
import nl.startpakket.platform.privacy.PersonalDataVault;
import org.springframework.stereotype.Component;

/**
 * The delivery's personal data through this service's own vault: the referral's data key arrives
 * on the delivery keys topic (or, for details shared in plain by an older referral service, a key
 * of our own seals them on arrival). Opened only for the volunteer holding the job and for
 * coordinators; reads "[erased]" once the key was deleted.
 */
@Component
public class DeliveryDataProtection implements DeliveryDetailsOpener {

    public static final String ERASED = "[erased]";
    static final String LOCAL_KEY_PREFIX = "local:";

    private final PersonalDataVault vault;
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public DeliveryDataProtection(PersonalDataVault vault) {
        this.vault = vault;
    }

    @Override
    public Optional<DeliveryPersonalData> open(String referralId, SealedData sealed) {
        if (sealed == null || sealed.keyId() == null) {
            return Optional.empty();
        }
        Optional<SecretKey> key = vault.key(referralId, sealed.keyId());
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(PersonalDataCipher.open(sealed, key.get(), referralId), DeliveryPersonalData.class));
        } catch (PersonalDataCipher.UnreadableDataException | IOException e) {
            return Optional.empty();
        }
    }

    /** Seals details that arrived in plain ({@code delivery.DeliveryDetailsShared} v1) with a key of our own; null once erased. */
    public SealedData sealLocally(String referralId, DeliveryPersonalData data) {
        String keyId = LOCAL_KEY_PREFIX + referralId;
        try {
            SecretKey key = vault.createKey(referralId, keyId);
            return PersonalDataCipher.seal(key, keyId, json.writeValueAsBytes(data), referralId);
        } catch (PersonalDataVault.PersonalDataErasedException e) {
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serialise personal data", e);
        }
    }

    /**
     * Waits until the key of a sealed value is in the vault (it travels on its own topic and is
     * published before the details). True when it is there, false when the referral was erased.
     */
    public boolean awaitKey(String referralId, String keyId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (vault.key(referralId, keyId).isPresent()) {
                return true;
            }
            if (vault.isErased(referralId)) {
                return false;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The data key of " + referralId + " has not arrived on the delivery keys topic");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the data key of " + referralId, e);
            }
        }
    }

    /** What the holder or a coordinator sees of the job's recipient. */
    public Revealed reveal(JobView job) {
        Optional<DeliveryPersonalData> data = open(job.referralId(), job.personalData());
        if (data.isPresent()) {
            return new Revealed(data.get().recipient(), data.get().notes(), false);
        }
        if (job.personalData() != null || vault.isErased(job.referralId())) {
            return new Revealed(new Recipient(ERASED, ERASED, ERASED, ERASED, ERASED, ERASED, ERASED), ERASED, true);
        }
        return new Revealed(null, null, false);
    }

    /** The recipient and notes as shown; {@code erased} when the key is gone. */
    public record Revealed(Recipient recipient, String notes, boolean erased) {
    }
}
