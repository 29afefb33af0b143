package nl.startpakket.fulfilment.api;

/** Who acts on a job: the signed-in staff member, and whether they coordinate (may act for others). */
public record Actor(String username, boolean coordinator) {

    public static Actor volunteer(String username) {
        return new Actor(username, false);
    }

    public static Actor coordinator(String username) {
        return new Actor(username, true);
    }

    /** The service itself, e.g. when it releases a stale claim. */
    public static Actor system() {
        return new Actor("system", true);
    }
}
