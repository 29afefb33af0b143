package nl.startpakket.reporting.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.startpakket.reporting.query.SuppressedCells.Mark;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.integer.IntegerStrategy;

/**
 * Which hidden cells a reader could work out exactly. The unknowns are the hidden and virtual
 * cells, integers, with what a reader knows of them: "&lt;5" is 0..4, "x" is 5 or more, a
 * virtual cell is 0 or more; the shown cells are constants; every relation holds. A hidden cell
 * is free when an integer solution gives it another value than its own: the solver maximises it,
 * else minimises it, and the solution is checked in exact integer arithmetic before it counts
 * (a solution that does not check proves nothing, so the cell counts as pinned). Every other
 * hidden cell that differs in such a solution is free by the same witness.
 */
final class DisclosureAudit {

    /** An upper bound for cells without one ("x", virtual): far above any count of one municipality. */
    static final long UNBOUNDED = 10_000_000L;

    private DisclosureAudit() {
    }

    /**
     * The first hidden cell (in the order of {@code hidden}) that can be derived exactly, if any;
     * {@code free} holds the cells already shown to be free and receives the ones found free now.
     */
    static Optional<String> firstPinned(LinkedTables tables, Map<String, Mark> hidden, int threshold, Set<String> free) {
        Model model = new Model(tables, hidden, threshold);
        for (String cell : hidden.keySet()) {
            if (free.contains(cell)) {
                continue;
            }
            if (!model.moves(cell, true, free) && !model.moves(cell, false, free)) {
                return Optional.of(cell);
            }
        }
        return Optional.empty();
    }

    /** How far a shown cell may move in a witness for {@link #cheapestComplement}. */
    static final long MOST_MOVED = 50;

    /**
     * The shown cells to hide (as "x") so that {@code cell} can take another value, at the least
     * cost (the sum of their values, so small cells go first and totals last): an integer program
     * in which shown cells may move too (each one that does is hidden), found with the witness
     * that frees {@code cell}. Empty when none is found.
     */
    static Optional<Set<String>> cheapestComplement(LinkedTables tables, Map<String, Mark> hidden, int threshold, String cell) {
        Model model = new Model(tables, hidden, threshold, true);
        Optional<Set<String>> up = model.cheapest(cell, true);
        Optional<Set<String>> down = model.cheapest(cell, false);
        if (up.isEmpty() || down.isEmpty()) {
            return up.isEmpty() ? down : up;
        }
        return Optional.of(cost(tables, up.get()) <= cost(tables, down.get()) ? up.get() : down.get());
    }

    /**
     * One thread, so that the same tables always give the same solution (the solver branches in
     * parallel by default, and ties would fall differently): every answer, export and page of an
     * evaluation must hide the same cells, or one could be laid beside another.
     */
    private static final IntegerStrategy SEQUENTIAL = IntegerStrategy.newConfigurable().withParallelism(() -> 1);

    private static ExpressionsBasedModel program() {
        ExpressionsBasedModel program = new ExpressionsBasedModel();
        program.options.integer(SEQUENTIAL);
        return program;
    }

    private static long cost(LinkedTables tables, Set<String> cells) {
        return cells.stream().mapToLong(tables::value).sum();
    }

    /** The integer program over the unknowns, split into the parts that share no relation. */
    private static final class Model {

        private final LinkedTables tables;
        private final Map<String, long[]> bounds = new LinkedHashMap<>();
        /** Shown cells that may move (and would then be hidden), for {@link #cheapest}. */
        private final Set<String> shown = new java.util.LinkedHashSet<>();
        /** Each relation over unknowns: coefficients by unknown and the right-hand side. */
        private final List<Map<String, Integer>> lhs = new ArrayList<>();
        private final List<Long> rhs = new ArrayList<>();
        private final Map<String, String> parent = new HashMap<>();

        Model(LinkedTables tables, Map<String, Mark> hidden, int threshold) {
            this(tables, hidden, threshold, false);
        }

        Model(LinkedTables tables, Map<String, Mark> hidden, int threshold, boolean shownMayMove) {
            this.tables = tables;
            for (LinkedTables.Cell c : tables.cells().values()) {
                Mark mark = hidden.get(c.id());
                if (!c.published()) {
                    bounds.put(c.id(), new long[] {0, UNBOUNDED});
                } else if (mark == Mark.PRIMARY) {
                    bounds.put(c.id(), new long[] {0, threshold - 1L});
                } else if (mark == Mark.SECONDARY) {
                    bounds.put(c.id(), new long[] {threshold, UNBOUNDED});
                } else if (shownMayMove) {
                    bounds.put(c.id(), new long[] {Math.max(threshold, c.value() - MOST_MOVED), c.value() + MOST_MOVED});
                    shown.add(c.id());
                }
            }
            bounds.keySet().forEach(id -> parent.put(id, id));
            for (LinkedTables.Relation r : tables.relations()) {
                Map<String, Integer> terms = new LinkedHashMap<>();
                long constant = r.remainder();
                List<String> cells = r.cells();
                for (int i = 0; i < cells.size(); i++) {
                    String id = cells.get(i);
                    int coefficient = i == 0 ? 1 : -1;
                    if (bounds.containsKey(id)) {
                        terms.merge(id, coefficient, Integer::sum);
                    } else {
                        constant -= coefficient * tables.value(id);
                    }
                }
                terms.values().removeIf(c -> c == 0);
                if (!terms.isEmpty()) {
                    lhs.add(terms);
                    rhs.add(constant);
                    String first = terms.keySet().iterator().next();
                    terms.keySet().forEach(id -> union(first, id));
                }
            }
        }

        /** Whether {@code cell} can take a larger (or smaller) value; marks every cell the witness moves as free. */
        boolean moves(String cell, boolean up, Set<String> free) {
            String part = find(cell);
            List<String> unknowns = bounds.keySet().stream().filter(id -> find(id).equals(part)).toList();
            List<Integer> rows = rowsOf(part);
            ExpressionsBasedModel program = program();
            Map<String, Variable> variables = new LinkedHashMap<>();
            for (String id : unknowns) {
                long[] b = bounds.get(id);
                Variable v = program.addVariable(id).lower(BigDecimal.valueOf(b[0])).upper(BigDecimal.valueOf(b[1]))
                        .integer(true);
                variables.put(id, v);
            }
            for (int row : rows) {
                Expression e = program.addExpression("r" + row).level(BigDecimal.valueOf(rhs.get(row)));
                lhs.get(row).forEach((id, c) -> e.set(variables.get(id), c));
            }
            variables.get(cell).weight(BigDecimal.ONE);
            Optimisation.Result result = up ? program.maximise() : program.minimise();
            if (!result.getState().isFeasible()) {
                return false;
            }
            Map<String, Long> solution = new HashMap<>();
            for (int i = 0; i < unknowns.size(); i++) {
                double value = result.doubleValue(i);
                long rounded = Math.round(value);
                if (Math.abs(value - rounded) > 1e-6) {
                    return false;
                }
                solution.put(unknowns.get(i), rounded);
            }
            if (!satisfies(solution, unknowns, rows)) {
                return false;
            }
            long own = tables.value(cell);
            long found = solution.get(cell);
            if (up ? found <= own : found >= own) {
                return false;
            }
            solution.forEach((id, value) -> {
                if (value != tables.value(id)) {
                    free.add(id);
                }
            });
            return true;
        }

        /** The shown cells a cheapest witness moves so that {@code cell} is larger (or smaller) than it is. */
        Optional<Set<String>> cheapest(String cell, boolean up) {
            String part = find(cell);
            List<String> unknowns = bounds.keySet().stream().filter(id -> find(id).equals(part)).toList();
            List<Integer> rows = rowsOf(part);
            ExpressionsBasedModel program = program();
            Map<String, Variable> variables = new LinkedHashMap<>();
            long own = tables.value(cell);
            for (String id : unknowns) {
                long[] b = bounds.get(id);
                long lower = id.equals(cell) && up ? Math.max(b[0], own + 1) : b[0];
                long upper = id.equals(cell) && !up ? Math.min(b[1], own - 1) : b[1];
                if (lower > upper) {
                    return Optional.empty();
                }
                variables.put(id, program.addVariable(id).lower(BigDecimal.valueOf(lower)).upper(BigDecimal.valueOf(upper))
                        .integer(true));
            }
            int rank = 0;
            for (String id : unknowns) {
                if (shown.contains(id)) {
                    // moved = 1 when the cell leaves its value: |y - v| <= MOST_MOVED * moved; its cost is
                    // its value, then its place (so that of two equal choices always the same one is made)
                    long weight = tables.value(id) * (shown.size() + 1L) + rank++;
                    Variable moved = program.addVariable("moved " + id).binary().weight(BigDecimal.valueOf(weight));
                    long v = tables.value(id);
                    program.addExpression("up " + id).upper(BigDecimal.valueOf(v))
                            .set(variables.get(id), 1).set(moved, -MOST_MOVED);
                    program.addExpression("down " + id).lower(BigDecimal.valueOf(v))
                            .set(variables.get(id), 1).set(moved, MOST_MOVED);
                }
            }
            for (int row : rows) {
                Expression e = program.addExpression("r" + row).level(BigDecimal.valueOf(rhs.get(row)));
                lhs.get(row).forEach((id, c) -> e.set(variables.get(id), c));
            }
            Optimisation.Result result = program.minimise();
            if (!result.getState().isFeasible()) {
                return Optional.empty();
            }
            Map<String, Long> solution = new HashMap<>();
            for (int i = 0; i < unknowns.size(); i++) {
                double value = result.doubleValue(i);
                long rounded = Math.round(value);
                if (Math.abs(value - rounded) > 1e-6) {
                    return Optional.empty();
                }
                solution.put(unknowns.get(i), rounded);
            }
            if (!satisfies(solution, unknowns, rows) || solution.get(cell) == own) {
                return Optional.empty();
            }
            Set<String> moved = new java.util.LinkedHashSet<>();
            solution.forEach((id, value) -> {
                if (shown.contains(id) && value != tables.value(id)) {
                    moved.add(id);
                }
            });
            return Optional.of(moved);
        }

        private List<Integer> rowsOf(String part) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < lhs.size(); i++) {
                if (find(lhs.get(i).keySet().iterator().next()).equals(part)) {
                    rows.add(i);
                }
            }
            return rows;
        }

        private boolean satisfies(Map<String, Long> solution, List<String> unknowns, List<Integer> rows) {
            for (String id : unknowns) {
                long[] b = bounds.get(id);
                long v = solution.get(id);
                if (v < b[0] || v > b[1]) {
                    return false;
                }
            }
            for (int row : rows) {
                long sum = 0;
                for (Map.Entry<String, Integer> term : lhs.get(row).entrySet()) {
                    sum += term.getValue() * solution.get(term.getKey());
                }
                if (sum != rhs.get(row)) {
                    return false;
                }
            }
            return true;
        }

        private String find(String id) {
            String root = parent.get(id);
            if (!root.equals(id)) {
                root = find(root);
                parent.put(id, root);
            }
            return root;
        }

        private void union(String a, String b) {
            String ra = find(a);
            String rb = find(b);
            if (!ra.equals(rb)) {
                parent.put(ra, rb);
            }
        }
    }
}
