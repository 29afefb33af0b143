package nl.startpakket.reporting.query;

/**
 * Statistical disclosure control for evaluators: a count below the threshold (default 5) is
 * shown as {@code "<5"} so that no family can be recognised from a small cell. Zero is below
 * the threshold too, so a reader cannot tell "none" from "a few". Staff of the foundation
 * (COORDINATOR) see exact numbers.
 */
public record SmallNumbers(int threshold, boolean suppress) {

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
}
