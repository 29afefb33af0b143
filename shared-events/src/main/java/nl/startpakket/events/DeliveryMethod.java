package nl.startpakket.events;

/** How a package reaches the family. */
public enum DeliveryMethod {
    PICKUP_BY_INTERMEDIARY,
    HOME_DELIVERY
}
