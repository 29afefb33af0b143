package nl.startpakket.events;

/** The kind of organisation that refers a parent. */
public enum IntermediaryType {
    MUNICIPALITY,
    MIDWIFE,
    CONSULTATION_BUREAU,
    SOCIAL_CARE,
    OTHER
}
