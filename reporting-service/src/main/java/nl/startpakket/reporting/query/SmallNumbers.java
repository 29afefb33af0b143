package nl.startpakket.reporting.query;

/**
 * Statistical disclosure control for evaluators: a count below the threshold (default 5) is
 * shown as {@code "<5"} (primary suppression) so that no family can be recognised from a small
 * cell. Zero is below the threshold too, so a reader cannot tell "none" from "a few". A count
 * hidden only so that no {@code "<5"} can be worked out from the others (complementary
 * suppression, see {@link ComplementarySuppression}) reads {@code "x"}: it is the threshold or
 * more. Staff of the foundation (COORDINATOR) see exact numbers.
 */
public record SmallNumbers(int threshold, boolean suppress) {

    /** The marker of a count hidden to protect another one. */
    public static final String SECONDARY_MARKER = "x";

    public static SmallNumbers exact() {
        return new SmallNumbers(0, false);
    }

    /** The count itself, or the marker {@code "<threshold"}. */
    public Object count(long n) {
        return hides(n) ? marker() : n;
    }

    public boolean hides(long n) {
        return suppress && n < threshold;
    }

    public String marker() {
        return "<" + threshold;
    }

    /** The cells of these tables this viewer sees: all exactly, or with primary and complementary suppression. */
    public SuppressedCells protect(LinkedTables tables) {
        return suppress ? ComplementarySuppression.protect(tables, threshold) : SuppressedCells.none();
    }
}
