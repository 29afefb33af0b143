package nl.startpakket.reporting.query;

import java.util.Map;
import java.util.Objects;

/**
 * Which cells of a set of {@link LinkedTables} a viewer does not see, and why: below the
 * threshold ({@link Mark#PRIMARY}, {@code "<5"}) or hidden so that none of those can be worked
 * out from what is shown ({@link Mark#SECONDARY}, {@code "x"}). Computed once per evaluation;
 * the API, the exports, the PDF and the dashboard all read their counts from here.
 */
public final class SuppressedCells {

    public enum Mark { PRIMARY, SECONDARY }

    private static final SuppressedCells NONE = new SuppressedCells(null, Map.of(), 0);

    private final LinkedTables tables;
    private final Map<String, Mark> hidden;
    private final int threshold;

    SuppressedCells(LinkedTables tables, Map<String, Mark> hidden, int threshold) {
        this.tables = tables;
        this.hidden = Map.copyOf(hidden);
        this.threshold = threshold;
    }

    /** Every count shown as it is (a coordinator's view). */
    public static SuppressedCells none() {
        return NONE;
    }

    /** The count of cell {@code id} as shown: {@code exact}, {@code "<5"} or {@code "x"}. */
    public Object count(String id, long exact) {
        Mark mark = hidden.get(id);
        if (mark == null) {
            return exact;
        }
        if (tables != null && tables.value(id) != exact) {
            throw new IllegalArgumentException("Cell " + id + " is " + tables.value(id) + ", not " + exact);
        }
        return mark == Mark.PRIMARY ? "<" + threshold : SmallNumbers.SECONDARY_MARKER;
    }

    public boolean hides(String id) {
        return hidden.containsKey(id);
    }

    /** Whether the derived figure {@code id} (an amount, share or forecast) may be shown. */
    public boolean shows(String derivedId) {
        if (tables == null) {
            return true;
        }
        LinkedTables.Derived derived = Objects.requireNonNull(tables.derived().get(derivedId), derivedId);
        return !derived.revealing() && derived.reveals().stream().noneMatch(hidden::containsKey);
    }

    /** The hidden cells and their marks. */
    public Map<String, Mark> hidden() {
        return hidden;
    }

    public int threshold() {
        return threshold;
    }
}
