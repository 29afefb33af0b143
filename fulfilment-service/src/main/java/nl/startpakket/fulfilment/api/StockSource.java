package nl.startpakket.fulfilment.api;

/** Where received stock came from. */
public enum StockSource {
    DONATION,
    PURCHASE
}
