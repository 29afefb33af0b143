package nl.startpakket.reporting.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every count an evaluator sees of one municipality and period, each a cell with a stable id,
 * and the additive relations that link them: a margin is the sum of its parts (exactly, or
 * {@link #usually(String, String...) usually}: where all events of the referrals have arrived).
 * Virtual cells are never shown: they state what a reader knows without
 * seeing it, e.g. that consents are a part of the accepted referrals (accepted = consents +
 * accepted without consent, the latter at least zero).
 *
 * <p>Derived figures (amounts, shares, forecasts) are not cells: each names the cells it would
 * give back (an amount at one price per package is that count times the price) and is shown
 * only when all of them are.
 */
public final class LinkedTables {

    /** One count; {@code published} false for a virtual cell. */
    public record Cell(String id, long value, boolean published) {
    }

    /** {@code margin = sum of parts + remainder} (the remainder is zero but for a margin made of several subsets). */
    public record Relation(String margin, List<String> parts, long remainder) {

        /** Every cell of the relation, the margin first. */
        public List<String> cells() {
            List<String> all = new ArrayList<>(parts.size() + 1);
            all.add(margin);
            all.addAll(parts);
            return all;
        }
    }

    /**
     * A figure computed from counts.
     *
     * @param reveals   the cells it would give back
     * @param revealing true when it would give back more than those cells (e.g. an amount over
     *                  phases priced differently reveals the split by phase): never shown suppressed
     */
    public record Derived(String id, List<String> reveals, boolean revealing) {
    }

    private final Map<String, Cell> cells = new LinkedHashMap<>();
    private final List<Relation> relations = new ArrayList<>();
    private final Map<String, Derived> derived = new LinkedHashMap<>();

    /** A shown count. */
    public LinkedTables cell(String id, long value) {
        return add(new Cell(id, value, true));
    }

    /** A count a reader knows to exist (at least zero) but never sees. */
    public LinkedTables virtual(String id, long value) {
        return add(new Cell(id, value, false));
    }

    private LinkedTables add(Cell cell) {
        if (cells.putIfAbsent(cell.id(), cell) != null) {
            throw new IllegalArgumentException("Cell " + cell.id() + " twice");
        }
        return this;
    }

    /**
     * {@code margin} is the sum of {@code parts} plus what remains (computed from the values).
     * Without parts there is no relation (a margin equal to a known remainder would give it away
     * whatever is hidden).
     */
    public LinkedTables sum(String margin, Collection<String> parts) {
        if (parts.isEmpty()) {
            value(margin);
            return this;
        }
        long remainder = value(margin) - parts.stream().mapToLong(this::value).sum();
        relations.add(new Relation(margin, List.copyOf(parts), remainder));
        return this;
    }

    /** {@code margin} is the sum of {@code parts} plus what remains. */
    public LinkedTables sum(String margin, String... parts) {
        return sum(margin, List.of(parts));
    }

    /**
     * A relation that holds unless some events of a referral have not arrived yet (a referral
     * without its phase, a cancellation whose release is still on its way): a reader may assume
     * it. Where it holds it is a relation; where it does not, the reader's assumption is wrong,
     * gives nothing exactly, and the remainder is nothing a reader can know.
     */
    public LinkedTables usually(String margin, String... parts) {
        return usually(margin, List.of(parts));
    }

    /** See {@link #usually(String, String...)}. */
    public LinkedTables usually(String margin, Collection<String> parts) {
        long remainder = value(margin) - parts.stream().mapToLong(this::value).sum();
        return remainder == 0 ? sum(margin, parts) : this;
    }

    /** {@code margin} = {@code part} + a virtual cell {@code rest} (at least zero): the part is a subset. */
    public LinkedTables subset(String margin, String part, String rest) {
        virtual(rest, value(margin) - value(part));
        return sum(margin, part, rest);
    }

    /** A derived figure, shown only with every cell it reveals. */
    public LinkedTables derived(String id, boolean revealing, String... reveals) {
        derived.put(id, new Derived(id, List.of(reveals), revealing));
        return this;
    }

    public long value(String id) {
        Cell cell = cells.get(id);
        if (cell == null) {
            throw new IllegalArgumentException("No cell " + id);
        }
        return cell.value();
    }

    public boolean has(String id) {
        return cells.containsKey(id);
    }

    public Map<String, Cell> cells() {
        return Collections.unmodifiableMap(cells);
    }

    public List<Relation> relations() {
        return Collections.unmodifiableList(relations);
    }

    public Map<String, Derived> derived() {
        return Collections.unmodifiableMap(derived);
    }
}
