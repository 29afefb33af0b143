package nl.startpakket.reporting.query;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.startpakket.reporting.query.SuppressedCells.Mark;

/**
 * Primary and complementary (secondary) suppression over linked tables.
 *
 * <p>Primary: every shown count below the threshold, zero included, is hidden ({@code "<5"}).
 * Complementary: as long as some hidden cell can be worked out exactly from what is shown (its
 * smallest and largest value over all integer tables consistent with the shown cells, the
 * relations, and what the markers say, "&lt;5" is 0..4 and "x" is 5 or more, are the same;
 * {@link DisclosureAudit} decides this by integer programming), more cells are hidden
 * ({@code "x"}): those a cheapest witness for the pinned cell must move (least total value, so
 * small cells go before totals; {@link DisclosureAudit#cheapestComplement}); failing that, the
 * smallest shown cell in a relation of the pinned cell, fewer relations breaking ties (a detail
 * before a total), a cell at exactly the threshold last (as "x" says "5 or more", a hidden 5 could
 * only be larger). Hiding more never makes a protected cell unprotected again, so every round only
 * checks the cells not yet shown to be free. The result is exact (no hidden cell can be derived)
 * rather than optimal (the fewest cells hidden).
 */
public final class ComplementarySuppression {

    private ComplementarySuppression() {
    }

    /** Primary suppression only: counts below the threshold. */
    public static SuppressedCells primary(LinkedTables tables, int threshold) {
        return new SuppressedCells(tables, primaryCells(tables, threshold), threshold);
    }

    /** Primary and complementary suppression: no hidden cell can be derived from the shown ones. */
    public static SuppressedCells protect(LinkedTables tables, int threshold) {
        Map<String, Mark> hidden = primaryCells(tables, threshold);
        Set<String> free = new HashSet<>();
        Map<String, List<LinkedTables.Relation>> relationsOf = relationsByCell(tables);
        while (true) {
            Optional<String> pinned = DisclosureAudit.firstPinned(tables, hidden, threshold, free);
            if (pinned.isEmpty()) {
                break;
            }
            Optional<Set<String>> cheapest = DisclosureAudit.cheapestComplement(tables, hidden, threshold, pinned.get());
            if (cheapest.isPresent() && !cheapest.get().isEmpty()) {
                cheapest.get().forEach(id -> hidden.put(id, Mark.SECONDARY));
                continue;
            }
            Optional<String> next = complement(tables, hidden, Set.of(pinned.get()), relationsOf, threshold);
            if (next.isEmpty()) {
                // every cell linked to the pinned ones is hidden already: nothing more to hide
                break;
            }
            hidden.put(next.get(), Mark.SECONDARY);
        }
        return new SuppressedCells(tables, hidden, threshold);
    }

    private static Map<String, Mark> primaryCells(LinkedTables tables, int threshold) {
        Map<String, Mark> hidden = new LinkedHashMap<>();
        tables.cells().values().stream()
                .filter(c -> c.published() && c.value() < threshold)
                .forEach(c -> hidden.put(c.id(), Mark.PRIMARY));
        return hidden;
    }

    /** The shown cell to hide next: the smallest in a relation of a pinned cell, else in any relation of a hidden one. */
    private static Optional<String> complement(LinkedTables tables, Map<String, Mark> hidden, Set<String> pinned,
                                               Map<String, List<LinkedTables.Relation>> relationsOf, int threshold) {
        // "x" says "the threshold or more": a hidden cell at the threshold can only be larger, so it comes last
        Comparator<String> smallest = Comparator.<String>comparingInt(id -> tables.value(id) == threshold ? 1 : 0)
                .thenComparingLong(tables::value)
                .thenComparingInt(id -> relationsOf.getOrDefault(id, List.of()).size())
                .thenComparing(Comparator.naturalOrder());
        Optional<String> near = shownNeighbours(tables, hidden, pinned, relationsOf).stream().min(smallest);
        if (near.isPresent()) {
            return near;
        }
        return shownNeighbours(tables, hidden, hidden.keySet(), relationsOf).stream().min(smallest);
    }

    private static Set<String> shownNeighbours(LinkedTables tables, Map<String, Mark> hidden, Set<String> of,
                                               Map<String, List<LinkedTables.Relation>> relationsOf) {
        return of.stream()
                .flatMap(id -> relationsOf.getOrDefault(id, List.of()).stream())
                .flatMap(r -> r.cells().stream())
                .filter(id -> tables.cells().get(id).published() && !hidden.containsKey(id))
                .collect(Collectors.toSet());
    }

    static Map<String, List<LinkedTables.Relation>> relationsByCell(LinkedTables tables) {
        Map<String, List<LinkedTables.Relation>> byCell = new HashMap<>();
        for (LinkedTables.Relation r : tables.relations()) {
            for (String id : r.cells()) {
                byCell.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(r);
            }
        }
        return byCell;
    }
}
