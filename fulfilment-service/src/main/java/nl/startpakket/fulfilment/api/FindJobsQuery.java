package nl.startpakket.fulfilment.api;

import java.util.Set;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;

/**
 * The packing queue, most urgent first. Empty {@code statuses} means every open job (queued,
 * claimed, packed, exception); null filters match everything.
 */
public record FindJobsQuery(Set<JobStatus> statuses, Phase phase, String municipality, DeliveryMethod deliveryMethod) {

    public FindJobsQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    public static FindJobsQuery all() {
        return new FindJobsQuery(Set.of(), null, null, null);
    }
}
