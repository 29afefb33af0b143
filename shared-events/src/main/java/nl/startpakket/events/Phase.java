package nl.startpakket.events;

/** The two package kinds: the baby phase (during pregnancy) and the toddler phase. */
public enum Phase {
    BABY,
    TODDLER
}
