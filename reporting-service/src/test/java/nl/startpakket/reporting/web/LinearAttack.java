package nl.startpakket.reporting.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.startpakket.reporting.query.ContractFacts;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * A reader who tries to work the hidden counts of evaluations out by linear arithmetic: it
 * reads the evaluations as an evaluator receives them (their JSON), knows every relation between
 * the published tables (those that hold only once every event of a referral arrived, such as
 * by phase = total, it uses wherever they do hold: told by the exact figures, it never assumes
 * one wrongly), which counts are parts of others, the contract terms and invoice periods, and
 * what the markers say ("&lt;5" is 0..4, "x" 5 or more). Each hidden cell becomes an integer unknown; the smallest and largest
 * value of every hidden cell over all integer solutions are found by integer programming. Two
 * evaluations of overlapping periods share their months of the overlap, and every count of the
 * longer one is at least the count of the shorter one.
 */
final class LinearAttack {

    static final long BIG = 10_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** The range of one hidden cell: pinned when {@code min == max}. */
    record Range(String cell, long truth, long min, long max) {
        boolean pinned() {
            return min == max;
        }
    }

    private final Map<String, long[]> unknowns = new LinkedHashMap<>();
    private final Map<String, Long> known = new HashMap<>();
    private final Map<String, Long> truth = new HashMap<>();
    private final List<Map<String, Integer>> rows = new ArrayList<>();
    private final List<Long> levels = new ArrayList<>();
    private final int threshold;

    LinearAttack(int threshold) {
        this.threshold = threshold;
    }

    /** Reads one evaluation as published, with its exact twin for the truth and the remainders; cells are prefixed. */
    LinearAttack read(String prefix, EvaluationView published, EvaluationView exact, List<ContractFacts> contracts) {
        JsonNode p = JSON.valueToTree(published);
        JsonNode e = JSON.valueToTree(exact);
        new Reader(prefix, p, e, contracts).read();
        return this;
    }

    /**
     * Two evaluations of nested periods ({@code a} within {@code b}): a month covered alike by both
     * is one cell, a contract's figures are the same in both, and every count of the report and the
     * outcomes of {@code b} is that of {@code a} plus what the extra days added (at least zero).
     */
    LinearAttack overlap(String shorter, String longer, EvaluationView a, EvaluationView b) {
        for (EvaluationView.MonthView m : a.months()) {
            YearMonth month = YearMonth.parse(m.month());
            if (b.months().stream().anyMatch(n -> n.month().equals(m.month()))
                    && clip(month, a.from(), a.to()).equals(clip(month, b.from(), b.to()))) {
                for (String f : MONTH_FIGURES) {
                    equal(shorter + "months." + month + "." + f, longer + "months." + month + "." + f);
                }
            }
        }
        for (int i = 0; i < a.contracts().size(); i++) {
            for (int j = 0; j < b.contracts().size(); j++) {
                if (a.contracts().get(i).contractId().equals(b.contracts().get(j).contractId())) {
                    for (String f : List.of("slotsUsed", "delivered", "onHoldNow")) {
                        equal(shorter + "contracts[" + i + "]." + f, longer + "contracts[" + j + "]." + f);
                    }
                }
            }
        }
        for (String cell : new ArrayList<>(truth.keySet())) {
            if (cell.startsWith(shorter + "report.") || cell.startsWith(shorter + "outcomes.")) {
                String other = longer + cell.substring(shorter.length());
                if (truth.containsKey(other)) {
                    String rest = "added:" + other;
                    unknownAtLeastZero(rest, truth.get(other) - truth.get(cell));
                    relation(Map.of(other, 1, cell, -1, rest, -1), 0);
                }
            }
        }
        return this;
    }

    private static final List<String> MONTH_FIGURES = List.of("referrals", "referralsBaby", "referralsToddler",
            "deliveries", "deliveriesBaby", "deliveriesToddler");

    private static List<LocalDate> clip(YearMonth month, LocalDate from, LocalDate to) {
        LocalDate start = month.atDay(1).isBefore(from) ? from : month.atDay(1);
        LocalDate end = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
        return List.of(start, end);
    }

    /** The range of every hidden cell. */
    List<Range> ranges() {
        Map<String, long[]> seen = new HashMap<>();
        truth.forEach((id, v) -> seen.put(id, new long[] {v, v}));
        List<Range> ranges = new ArrayList<>();
        for (String cell : hiddenCells()) {
            long[] range = seen.get(cell);
            if (range[0] == range[1]) {
                solve(cell, true, seen);
            }
            if (seen.get(cell)[0] == seen.get(cell)[1]) {
                solve(cell, false, seen);
            }
            ranges.add(new Range(cell, truth.get(cell), seen.get(cell)[0], seen.get(cell)[1]));
        }
        return ranges;
    }

    List<Range> pinned() {
        return ranges().stream().filter(Range::pinned).toList();
    }

    private List<String> hiddenCells() {
        return unknowns.keySet().stream().filter(id -> !id.contains(":")).toList();
    }

    /** Maximises (or minimises) a cell; every cell's value in the checked solution widens what was seen of it. */
    private void solve(String cell, boolean up, Map<String, long[]> seen) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Map<String, Variable> vars = new LinkedHashMap<>();
        unknowns.forEach((id, b) -> vars.put(id, model.addVariable(id).lower(BigDecimal.valueOf(b[0]))
                .upper(BigDecimal.valueOf(b[1])).integer(true)));
        for (int i = 0; i < rows.size(); i++) {
            Expression e = model.addExpression("row" + i).level(BigDecimal.valueOf(levels.get(i)));
            rows.get(i).forEach((id, c) -> e.set(vars.get(id), c));
        }
        vars.get(cell).weight(BigDecimal.ONE);
        Optimisation.Result result = up ? model.maximise() : model.minimise();
        if (!result.getState().isFeasible()) {
            throw new AssertionError("The true figures must be a solution: " + result.getState());
        }
        Map<String, Long> solution = new HashMap<>();
        List<String> ids = new ArrayList<>(vars.keySet());
        for (int i = 0; i < ids.size(); i++) {
            solution.put(ids.get(i), Math.round(result.doubleValue(i)));
        }
        if (!checks(solution)) {
            return; // not an integer solution: it widens nothing
        }
        solution.forEach((id, v) -> {
            long[] r = seen.get(id);
            r[0] = Math.min(r[0], v);
            r[1] = Math.max(r[1], v);
        });
    }

    private boolean checks(Map<String, Long> solution) {
        for (Map.Entry<String, long[]> u : unknowns.entrySet()) {
            long v = solution.get(u.getKey());
            if (v < u.getValue()[0] || v > u.getValue()[1]) {
                return false;
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            long sum = 0;
            for (Map.Entry<String, Integer> t : rows.get(i).entrySet()) {
                sum += t.getValue() * solution.get(t.getKey());
            }
            if (sum != levels.get(i)) {
                return false;
            }
        }
        return true;
    }

    // ---- the reader's model: cells, knowledge and relations

    private void cell(String id, JsonNode shown, long exact) {
        truth.put(id, exact);
        if (shown.isNumber()) {
            if (shown.asLong() != exact) {
                throw new AssertionError(id + " shows " + shown + " but is " + exact);
            }
            known.put(id, exact);
        } else if (shown.asText().equals("<" + threshold)) {
            unknowns.put(id, new long[] {0, threshold - 1L});
        } else if (shown.asText().equals("x")) {
            unknowns.put(id, new long[] {threshold, BIG});
        } else {
            throw new AssertionError(id + " shows " + shown);
        }
    }

    private void knownCell(String id, long value) {
        truth.put(id, value);
        known.put(id, value);
    }

    private void unknownAtLeastZero(String id, long value) {
        truth.put(id, value);
        unknowns.put(id, new long[] {0, BIG});
    }

    /** {@code margin = sum(parts) + remainder}, the remainder taken from the truth. */
    private void sum(String margin, List<String> parts) {
        if (parts.isEmpty() || !truth.containsKey(margin) || !parts.stream().allMatch(truth::containsKey)) {
            return;
        }
        Map<String, Integer> terms = new LinkedHashMap<>();
        terms.merge(margin, 1, Integer::sum);
        parts.forEach(p -> terms.merge(p, -1, Integer::sum));
        long remainder = truth.get(margin) - parts.stream().mapToLong(truth::get).sum();
        relation(terms, remainder);
    }

    private void equal(String a, String b) {
        sum(a, List.of(b));
    }

    /** A relation a reader assumes (it holds once all events of the referrals arrived): used where it does hold. */
    private void assumed(String margin, List<String> parts) {
        if (truth.containsKey(margin) && parts.stream().allMatch(truth::containsKey)
                && truth.get(margin) == parts.stream().mapToLong(truth::get).sum()) {
            sum(margin, parts);
        }
    }

    /** sum(coefficient x cell) = level, with the known cells moved to the level. */
    private void relation(Map<String, Integer> terms, long level) {
        Map<String, Integer> row = new LinkedHashMap<>();
        long l = level;
        for (Map.Entry<String, Integer> t : terms.entrySet()) {
            if (known.containsKey(t.getKey())) {
                l -= t.getValue() * known.get(t.getKey());
            } else if (unknowns.containsKey(t.getKey())) {
                row.merge(t.getKey(), t.getValue(), Integer::sum);
            } else {
                throw new AssertionError("unknown cell " + t.getKey());
            }
        }
        row.values().removeIf(c -> c == 0);
        if (row.isEmpty()) {
            if (l != 0) {
                throw new AssertionError("a relation does not hold: " + terms);
            }
            return;
        }
        rows.add(row);
        levels.add(l);
    }

    /** The counts up to {@code most} whose share of {@code whole} reads {@code share} (two decimals). */
    static List<Long> fits(BigDecimal share, int whole, long most) {
        List<Long> fits = new ArrayList<>();
        for (long k = 0; k <= most; k++) {
            if (BigDecimal.valueOf(k).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_EVEN).compareTo(share) == 0) {
                fits.add(k);
            }
        }
        return fits;
    }

    /** Reads one evaluation's JSON into cells and relations. */
    private final class Reader {

        private final String x;
        private final JsonNode p;
        private final JsonNode e;
        private final List<ContractFacts> contracts;

        Reader(String prefix, JsonNode published, JsonNode exact, List<ContractFacts> contracts) {
            this.x = prefix;
            this.p = published;
            this.e = exact;
            this.contracts = contracts;
        }

        void read() {
            String total = count("report.referrals.total");
            List<String> status = counts("report.referrals.byStatus");
            List<String> phase = counts("report.referrals.byPhase");
            List<String> type = counts("report.referrals.byIntermediaryType");
            sum(total, status);
            assumed(total, phase);
            assumed(total, type);
            String deliveries = count("report.deliveries.total");
            List<String> deliveredPhase = counts("report.deliveries.byPhase");
            assumed(deliveries, deliveredPhase);
            String capUsed = count("report.money.capUsed");
            String consents = count("report.followUpConsents");

            Map<String, List<String>> monthColumns = new LinkedHashMap<>();
            List<YearMonth> months = new ArrayList<>();
            for (int i = 0; i < p.path("months").size(); i++) {
                YearMonth month = YearMonth.parse(p.path("months").get(i).path("month").asText());
                months.add(month);
                for (String f : MONTH_FIGURES) {
                    String id = x + "months." + month + "." + f;
                    cell(id, p.path("months").get(i).path(f), e.path("months").get(i).path(f).asLong());
                    monthColumns.computeIfAbsent(f, k -> new ArrayList<>()).add(id);
                }
                assumed(x + "months." + month + ".referrals", List.of(x + "months." + month + ".referralsBaby",
                        x + "months." + month + ".referralsToddler"));
                assumed(x + "months." + month + ".deliveries", List.of(x + "months." + month + ".deliveriesBaby",
                        x + "months." + month + ".deliveriesToddler"));
            }
            sum(total, monthColumns.getOrDefault("referrals", List.of()));
            sum(x + "report.referrals.byPhase.BABY", monthColumns.getOrDefault("referralsBaby", List.of()));
            sum(x + "report.referrals.byPhase.TODDLER", monthColumns.getOrDefault("referralsToddler", List.of()));
            sum(deliveries, monthColumns.getOrDefault("deliveries", List.of()));
            sum(x + "report.deliveries.byPhase.BABY", monthColumns.getOrDefault("deliveriesBaby", List.of()));
            sum(x + "report.deliveries.byPhase.TODDLER", monthColumns.getOrDefault("deliveriesToddler", List.of()));

            String accepted = count("outcomes.accepted");
            String rejected = count("outcomes.rejected");
            String cancelled = count("outcomes.cancelled");
            String onHold = count("outcomes.onHoldNow");
            String everHeld = count("outcomes.everHeld");
            sum(rejected, counts("outcomes.rejectedByReason"));
            sum(everHeld, counts("outcomes.heldByReason"));
            String s = x + "report.referrals.byStatus.";
            equal(onHold, s + "ON_HOLD");
            assumed(rejected, List.of(s + "REJECTED"));
            assumed(cancelled, List.of(s + "CANCELLED"));
            assumed(total, List.of(accepted, s + "SUBMITTED", s + "REJECTED"));
            assumed(capUsed, List.of(s + "FUNDED", s + "PACKING", s + "PACKED", s + "DELIVERED"));
            atLeast(accepted, consents);
            String followUps = count("report.followUp.opened");
            sum(followUps, counts("report.followUp.byOutcome"));
            atLeast(consents, followUps);
            atLeast(total, count("report.imported.referrals"));
            atLeast(deliveries, count("report.imported.delivered"));
            atLeast(everHeld, onHold);

            String lead = distribution("leadTimeDays");
            String weeks = distribution("weeksBeforeDueDate");
            String pregnancy = distribution("pregnancyWeekAtReferral");
            atLeast(x + "report.referrals.byPhase.BABY", pregnancy);
            beforeDueDate(weeks);

            List<String> slots = new ArrayList<>();
            List<String> delivered = new ArrayList<>();
            List<String> held = new ArrayList<>();
            for (int i = 0; i < p.path("contracts").size(); i++) {
                JsonNode c = p.path("contracts").get(i);
                String id = c.path("contractId").asText();
                ContractFacts terms = contracts.stream().filter(f -> f.contractId().equals(id)).findFirst().orElseThrow();
                String prefix = "contracts[" + i + "].";
                String used = count(prefix + "slotsUsed");
                String done = count(prefix + "delivered");
                slots.add(used);
                delivered.add(done);
                held.add(count(prefix + "onHoldNow"));
                atLeast(used, done);
                amount(used, c.path("reservedAmount"), terms);
                if (!c.path("capShare").isNull() && terms.maxPackages() != null) {
                    share(used, c.path("capShare").decimalValue(), terms.maxPackages());
                }
                String invoiced = "virtual:" + x + "invoicedPackages." + id;
                unknownAtLeastZero(invoiced, terms.invoices().stream().mapToLong(ContractFacts.Invoice::lineCount).sum());
                amount(invoiced, c.path("invoicedAmount"), terms);
                assumed(invoiced, deliveriesOf(terms.invoices(), months, null, null));
            }
            assumed(capUsed, slots);
            assumed(s + "DELIVERED", delivered);
            assumed(onHold, held);

            LocalDate from = LocalDate.parse(p.path("from").asText());
            LocalDate to = LocalDate.parse(p.path("to").asText());
            List<ContractFacts.Invoice> invoices = contracts.stream().flatMap(c -> c.invoices().stream())
                    .filter(i -> !i.periodEnd().isBefore(from) && !i.periodEnd().isAfter(to)).toList();
            List<ContractFacts> inForce = contracts.stream()
                    .filter(c -> !c.validFrom().isAfter(to) && !c.validTo().isBefore(from)).toList();
            String invoiced = "virtual:" + x + "invoicedPackages";
            unknownAtLeastZero(invoiced, invoices.stream().mapToLong(ContractFacts.Invoice::lineCount).sum());
            assumed(invoiced, deliveriesOf(invoices, months, from, to));
            JsonNode money = p.path("report").path("money");
            List<ContractFacts> invoicing = contracts.stream()
                    .filter(c -> c.invoices().stream().anyMatch(invoices::contains)).toList();
            amount(invoiced, money.path("invoiced"), invoicing.toArray(ContractFacts[]::new));
            amount(capUsed, money.path("reserved"), inForce.toArray(ContractFacts[]::new));
        }

        /** What the before-due-date share gives: the baby hand-overs before the due date, and not before. */
        private void beforeDueDate(String weeks) {
            long of = e.path("weeksBeforeDueDate").path("count").asLong();
            JsonNode exactShare = e.path("report").path("babyBeforeDueDateShare");
            long before = exactShare.isNull() ? 0 : fits(exactShare.decimalValue(), (int) of, of).get(0);
            String b = "virtual:" + x + "before";
            String nb = "virtual:" + x + "notBefore";
            JsonNode share = p.path("report").path("babyBeforeDueDateShare");
            if (!share.isNull() && known.containsKey(weeks) && fits(share.decimalValue(), (int) of, of).size() == 1) {
                knownCell(b, before);
                knownCell(nb, of - before);
            } else {
                unknownAtLeastZero(b, before);
                unknownAtLeastZero(nb, of - before);
            }
            sum(weeks, List.of(b, nb));
            atLeast(nb, x + "weeksBeforeDueDate.buckets.<0");
        }

        /** An amount shown at one price per package gives its count. */
        private void amount(String count, JsonNode amount, ContractFacts... terms) {
            if (amount.isNull() || amount.isMissingNode()) {
                return;
            }
            TreeSet<BigDecimal> prices = new TreeSet<>();
            for (ContractFacts c : terms) {
                prices.add(c.babyPrice().stripTrailingZeros());
                prices.add(c.toddlerPrice().stripTrailingZeros());
            }
            BigDecimal value = new BigDecimal(amount.asText());
            if (value.signum() == 0) {
                fix(count, 0);
            } else if (prices.size() == 1) {
                BigDecimal[] packages = value.divideAndRemainder(prices.first());
                if (packages[1].signum() == 0) {
                    fix(count, packages[0].longValueExact());
                }
            }
        }

        /** A share of a known whole (two decimals) gives the count when one count fits. */
        private void share(String count, BigDecimal share, int whole) {
            List<Long> fits = fits(share, whole, whole * 2L + 10);
            if (fits.size() == 1) {
                fix(count, fits.get(0));
            }
        }

        private void fix(String cell, long value) {
            if (truth.get(cell) != value) {
                throw new AssertionError(cell + " is " + truth.get(cell) + ", its amount says " + value);
            }
            relation(Map.of(cell, 1), value);
        }

        private void atLeast(String whole, String part) {
            String rest = "rest:" + whole + "-" + part;
            unknownAtLeastZero(rest, truth.get(whole) - truth.get(part));
            sum(whole, List.of(part, rest));
        }

        private List<String> deliveriesOf(List<ContractFacts.Invoice> invoices, List<YearMonth> months, LocalDate from,
                                          LocalDate to) {
            TreeSet<YearMonth> covered = new TreeSet<>();
            for (ContractFacts.Invoice i : invoices) {
                LocalDate start = from != null && i.periodStart().isBefore(from) ? from : i.periodStart();
                LocalDate end = to != null && i.periodEnd().isAfter(to) ? to : i.periodEnd();
                for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
                    covered.add(m);
                }
            }
            return covered.stream().filter(months::contains).map(m -> x + "months." + m + ".deliveries").toList();
        }

        private String distribution(String name) {
            String n = count(name + ".count");
            sum(n, counts(name + ".buckets"));
            return n;
        }

        private String count(String path) {
            String id = x + path;
            cell(id, at(p, path), at(e, path).asLong());
            return id;
        }

        private List<String> counts(String path) {
            List<String> ids = new ArrayList<>();
            at(p, path).fieldNames().forEachRemaining(k -> ids.add(count(path + "." + k)));
            return ids;
        }

        private JsonNode at(JsonNode root, String path) {
            JsonNode node = root;
            for (String step : path.split("\\.(?![^\\[]*\\])")) {
                if (step.endsWith("]")) {
                    String name = step.substring(0, step.indexOf('['));
                    int index = Integer.parseInt(step.substring(step.indexOf('[') + 1, step.length() - 1));
                    node = node.path(name).get(index);
                } else {
                    node = node.path(step);
                }
            }
            return node;
        }
    }
}
