package nl.startpakket.fulfilment.api;

/** A number of one stock item, e.g. 4 rompers size 50/56. */
public record ItemQuantity(String itemId, int quantity) {
}
