package nl.startpakket.fulfilment.api;

/** Packages come in boy and girl variants (colours, prints); neutral where it does not matter. */
public enum TemplateVariant {
    BOY,
    GIRL,
    NEUTRAL
}
