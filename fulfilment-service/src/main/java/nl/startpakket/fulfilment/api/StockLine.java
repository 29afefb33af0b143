package nl.startpakket.fulfilment.api;

/**
 * An item's stock against the jobs waiting to be packed. {@code demand}: what the waiting jobs
 * would take (per job the most any template of its phase uses, since the variant is chosen at
 * the table). {@code state}: SHORT when stock does not cover the demand, LOW when it covers it
 * with less than the reorder level to spare, else OK.
 */
public record StockLine(
        String itemId,
        String nameNl,
        String nameEn,
        String category,
        int onHand,
        int demand,
        int reorderLevel,
        State state) {

    /** Whether to buy. */
    public enum State {
        SHORT,
        LOW,
        OK
    }

    public static State stateOf(int onHand, int demand, int reorderLevel) {
        if (onHand < demand) {
            return State.SHORT;
        }
        if (onHand - demand < reorderLevel) {
            return State.LOW;
        }
        return State.OK;
    }
}
