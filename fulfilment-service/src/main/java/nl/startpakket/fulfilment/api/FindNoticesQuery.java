package nl.startpakket.fulfilment.api;

/** The open notices for one volunteer (e.g. a job they held was cancelled). */
public record FindNoticesQuery(String volunteer) {
}
