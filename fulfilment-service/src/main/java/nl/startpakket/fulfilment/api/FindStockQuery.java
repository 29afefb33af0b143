package nl.startpakket.fulfilment.api;

/** Every stock item with its count, the demand of the jobs waiting, and a warning when short. */
public record FindStockQuery() {
}
