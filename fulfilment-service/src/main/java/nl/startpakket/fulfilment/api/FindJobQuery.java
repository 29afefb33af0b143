package nl.startpakket.fulfilment.api;

/** One job with its details. */
public record FindJobQuery(String jobId) {
}
