package nl.startpakket.fulfilment.privacy;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import nl.startpakket.fulfilment.api.PackingJobIds;
import nl.startpakket.platform.audit.AuditTrail;
import nl.startpakket.platform.privacy.PersonalDataVault;
import org.springframework.stereotype.Service;

/**
 * Deletes this service's copy of a referral's data keys when the referral service erases its
 * personal data (a tombstone on the delivery keys topic, or {@code referral.PersonalDataErased}):
 * the job's sealed details in the event store and the queue read the same as "[erased]".
 */
@Service
public class DeliveryDataErasure {

    private final PersonalDataVault vault;
    private final AuditTrail audit;
    private final MeterRegistry meters;

    public DeliveryDataErasure(PersonalDataVault vault, AuditTrail audit, MeterRegistry meters) {
        this.vault = vault;
        this.audit = audit;
        this.meters = meters;
    }

    /** Idempotent; true when the keys were deleted now. */
    public boolean erase(String referralId, String trigger) {
        if (!vault.erase(referralId)) {
            return false;
        }
        audit.record("system", "erase-personal-data", PackingJobIds.forReferral(referralId),
                Map.of("referralId", referralId, "trigger", trigger));
        meters.counter("startpakket.fulfilment.personal.data.erased", "trigger", trigger).increment();
        return true;
    }
}
