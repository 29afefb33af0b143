package nl.startpakket.fulfilment.command.job;

import java.util.Optional;
import nl.startpakket.events.SealedData;
import nl.startpakket.fulfilment.api.DeliveryPersonalData;

/**
 * Opens a job's sealed personal data with the referral's data key from this service's vault. The
 * job keeps only the sealed form in its events and state (so snapshots hold nothing readable) and
 * opens it where a rule needs the due date.
 */
public interface DeliveryDetailsOpener {

    /** Empty when the data was erased (the key is gone) or cannot be read. */
    Optional<DeliveryPersonalData> open(String referralId, SealedData sealed);
}
