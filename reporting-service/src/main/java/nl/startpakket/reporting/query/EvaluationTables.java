package nl.startpakket.reporting.query;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every count of an evaluation (the v1 report and the details: months, outcomes, distributions,
 * contracts) as linked tables, with every relation a reader could use to work a hidden count out:
 *
 * <ul>
 * <li>exact: referrals total = by status = by month; by phase = by month per phase; deliveries
 * total = by month, by phase = by month per phase; rejected = by reason; ever on hold = by
 * reason; on hold now = status ON_HOLD; each distribution = its count; the before-due-date share
 * splits the baby hand-overs into before and not before;</li>
 * <li>parts of others (with a virtual rest of zero or more): consents of the accepted, on hold
 * now of ever on hold, a contract's delivered of its slots used, baby referrals with a week of
 * pregnancy of the baby referrals, hand-overs after the due date of those not before it, the
 * imported referrals of the referrals and the imported deliveries of the deliveries;</li>
 * <li>{@link LinkedTables#usually usually}, once all events of the referrals arrived: by phase
 * and by intermediary = total, each month = its phases (referrals and deliveries), deliveries =
 * by phase, accepted + submitted + rejected = total, rejected and cancelled = their status, cap
 * used = funded + packing + packed + delivered = the contracts' slots used, status delivered =
 * the contracts' delivered, on hold now = the contracts' on hold, invoiced packages = the
 * deliveries of the months their invoices cover.</li>
 * </ul>
 * Hand-overs and deliveries are not linked: which packages handed over in a period were delivered
 * in it is nothing a reader can know. The money and shares are derived figures: an amount is shown
 * only when it is its count times one price per package and that count is shown; a share or a
 * forecast only with its counts.
 */
public final class EvaluationTables {

    public static final String TOTAL = "referrals.total";
    public static final String DELIVERIES = "deliveries.total";
    public static final String CONSENTS = "followUpConsents";
    public static final String FOLLOW_UPS = "followUp.opened";
    public static final String IMPORTED_REFERRALS = "imported.referrals";
    public static final String IMPORTED_DELIVERED = "imported.delivered";
    public static final String CAP_USED = "money.capUsed";
    public static final String INVOICED_PACKAGES = "money.invoicedPackages";
    public static final String RESERVED = "money.reserved";
    public static final String INVOICED = "money.invoiced";
    public static final String BEFORE = "babyBeforeDueDate.before";
    public static final String NOT_BEFORE = "babyBeforeDueDate.notBefore";
    public static final String BEFORE_SHARE = "babyBeforeDueDateShare";
    public static final String LEAD_TIME = "leadTimeDays";
    public static final String WEEKS_BEFORE = "weeksBeforeDueDate";
    public static final String PREGNANCY_WEEK = "pregnancyWeekAtReferral";

    private EvaluationTables() {
    }

    public static String referrals(String breakdown, String key) {
        return "referrals." + breakdown + "." + key;
    }

    /** The cell of a follow-up outcome, e.g. {@code followUp.byOutcome.HELP_ACCEPTED}. */
    public static String followUpOutcome(String outcome) {
        return "followUp.byOutcome." + outcome;
    }

    public static String deliveries(String key) {
        return "deliveries.byPhase." + key;
    }

    public static String month(YearMonth month, String figure) {
        return "months." + month + "." + figure;
    }

    public static String outcome(String figure) {
        return "outcomes." + figure;
    }

    public static String reason(String figure, String reason) {
        return "outcomes." + figure + "." + reason;
    }

    public static String bucket(String distribution, String bucket) {
        return distribution + ".buckets." + bucket;
    }

    public static String count(String distribution) {
        return distribution + ".count";
    }

    public static String contract(String contractId, String figure) {
        return "contracts." + contractId + "." + figure;
    }

    public static LinkedTables of(Evaluation evaluation) {
        MunicipalityFigures f = evaluation.figures();
        EvaluationDetails d = evaluation.details();
        LinkedTables t = new LinkedTables();

        t.cell(TOTAL, f.referrals().total());
        List<String> statuses = breakdown(t, f.referrals().byStatus(), k -> referrals("byStatus", k.name()));
        List<String> phases = breakdown(t, f.referrals().byPhase(), k -> referrals("byPhase", k.name()));
        List<String> types = breakdown(t, f.referrals().byIntermediaryType(), k -> referrals("byIntermediaryType", k.name()));
        t.sum(TOTAL, statuses).usually(TOTAL, phases).usually(TOTAL, types);

        t.cell(DELIVERIES, f.deliveries().total());
        t.usually(DELIVERIES, breakdown(t, f.deliveries().byPhase(), k -> deliveries(k.name())));

        t.cell(IMPORTED_REFERRALS, f.imported().referrals()).subset(TOTAL, IMPORTED_REFERRALS, "imported.notReferrals");
        t.cell(IMPORTED_DELIVERED, f.imported().delivered()).subset(DELIVERIES, IMPORTED_DELIVERED, "imported.notDelivered");

        months(t, d.months());

        String accepted = outcome("accepted");
        String rejected = outcome("rejected");
        String cancelled = outcome("cancelled");
        String onHoldNow = outcome("onHoldNow");
        String everHeld = outcome("everHeld");
        var o = d.outcomes();
        t.cell(accepted, o.accepted()).cell(rejected, o.rejected()).cell(cancelled, o.cancelled())
                .cell(onHoldNow, o.onHoldNow()).cell(everHeld, o.everHeld());
        t.sum(rejected, breakdown(t, o.rejectedByReason(), k -> reason("rejectedByReason", k)));
        t.sum(everHeld, breakdown(t, o.heldByReason(), k -> reason("heldByReason", k)));
        t.sum(onHoldNow, referrals("byStatus", "ON_HOLD"))
                .usually(rejected, referrals("byStatus", "REJECTED"))
                .usually(cancelled, referrals("byStatus", "CANCELLED"))
                .usually(TOTAL, accepted, referrals("byStatus", "SUBMITTED"), referrals("byStatus", "REJECTED"))
                .subset(everHeld, onHoldNow, outcome("heldBefore"));

        t.cell(CONSENTS, f.followUpConsents()).subset(accepted, CONSENTS, outcome("acceptedWithoutConsent"));
        t.cell(FOLLOW_UPS, f.followUp().opened())
                .sum(FOLLOW_UPS, breakdown(t, f.followUp().byOutcome(), EvaluationTables::followUpOutcome))
                .subset(CONSENTS, FOLLOW_UPS, "followUp.notOpened");

        t.cell(CAP_USED, f.money().capUsed()).usually(CAP_USED, referrals("byStatus", "FUNDED"), referrals("byStatus", "PACKING"),
                referrals("byStatus", "PACKED"), referrals("byStatus", "DELIVERED"));

        distribution(t, LEAD_TIME, d.leadTimeDays());
        distribution(t, WEEKS_BEFORE, d.weeksBeforeDueDate());
        distribution(t, PREGNANCY_WEEK, d.pregnancyWeekAtReferral());
        t.subset(referrals("byPhase", "BABY"), count(PREGNANCY_WEEK), PREGNANCY_WEEK + ".without");
        var share = f.babyBeforeDueDate();
        t.cell(BEFORE, share.count()).cell(NOT_BEFORE, share.of() - share.count())
                .sum(count(WEEKS_BEFORE), BEFORE, NOT_BEFORE)
                .subset(NOT_BEFORE, bucket(WEEKS_BEFORE, "<0"), WEEKS_BEFORE + ".onTheDueDate")
                .derived(BEFORE_SHARE, false, BEFORE, NOT_BEFORE, count(WEEKS_BEFORE));

        Set<YearMonth> shownMonths = d.months().stream().map(EvaluationDetails.Month::month).collect(Collectors.toSet());
        t.cell(INVOICED_PACKAGES, f.money().invoicedPackages())
                .usually(INVOICED_PACKAGES, deliveriesOf(f.money().invoicedMonths(), shownMonths))
                .derived(RESERVED, !f.money().reservedAtOnePrice(), CAP_USED)
                .derived(INVOICED, !f.money().invoicedAtOnePrice(), INVOICED_PACKAGES);

        contracts(t, d.contracts(), shownMonths);
        return t;
    }

    private static void months(LinkedTables t, List<EvaluationDetails.Month> months) {
        for (EvaluationDetails.Month m : months) {
            YearMonth ym = m.month();
            t.cell(month(ym, "referrals"), m.referrals()).cell(month(ym, "referralsBaby"), m.referralsBaby())
                    .cell(month(ym, "referralsToddler"), m.referralsToddler())
                    .cell(month(ym, "deliveries"), m.deliveries()).cell(month(ym, "deliveriesBaby"), m.deliveriesBaby())
                    .cell(month(ym, "deliveriesToddler"), m.deliveriesToddler())
                    .usually(month(ym, "referrals"), month(ym, "referralsBaby"), month(ym, "referralsToddler"))
                    .usually(month(ym, "deliveries"), month(ym, "deliveriesBaby"), month(ym, "deliveriesToddler"));
        }
        t.sum(TOTAL, column(months, "referrals"))
                .sum(referrals("byPhase", "BABY"), column(months, "referralsBaby"))
                .sum(referrals("byPhase", "TODDLER"), column(months, "referralsToddler"))
                .sum(DELIVERIES, column(months, "deliveries"))
                .sum(deliveries("BABY"), column(months, "deliveriesBaby"))
                .sum(deliveries("TODDLER"), column(months, "deliveriesToddler"));
    }

    private static void contracts(LinkedTables t, List<EvaluationDetails.ContractUse> contracts, Set<YearMonth> shownMonths) {
        for (EvaluationDetails.ContractUse c : contracts) {
            String id = c.contractId();
            String slots = contract(id, "slotsUsed");
            String invoiced = contract(id, "invoicedPackages");
            t.cell(slots, c.slotsUsed()).cell(contract(id, "delivered"), c.delivered())
                    .cell(contract(id, "onHoldNow"), c.onHoldNow())
                    .subset(slots, contract(id, "delivered"), contract(id, "notDelivered"))
                    .cell(invoiced, c.invoicedPackages())
                    .usually(invoiced, deliveriesOf(c.invoicedMonths(), shownMonths))
                    .derived(contract(id, "reservedAmount"), !c.onePrice(), slots)
                    .derived(contract(id, "budgetShare"), !c.onePrice(), slots)
                    .derived(contract(id, "budgetForecast"), !c.onePrice(), slots)
                    .derived(contract(id, "capShare"), false, slots)
                    .derived(contract(id, "capForecast"), false, slots)
                    .derived(contract(id, "invoicedAmount"), !c.onePrice(), invoiced);
        }
        t.usually(CAP_USED, contracts.stream().map(c -> contract(c.contractId(), "slotsUsed")).toList())
                .usually(referrals("byStatus", "DELIVERED"), contracts.stream().map(c -> contract(c.contractId(), "delivered")).toList())
                .usually(outcome("onHoldNow"), contracts.stream().map(c -> contract(c.contractId(), "onHoldNow")).toList());
    }

    private static void distribution(LinkedTables t, String name, EvaluationDetails.Distribution d) {
        t.cell(count(name), d.count());
        t.sum(count(name), breakdown(t, d.buckets(), k -> bucket(name, k)));
    }

    private static List<String> deliveriesOf(List<YearMonth> months, Set<YearMonth> shown) {
        return months.stream().filter(shown::contains).map(m -> month(m, "deliveries")).toList();
    }

    private static List<String> column(List<EvaluationDetails.Month> months, String figure) {
        return months.stream().map(m -> month(m.month(), figure)).toList();
    }

    private static <K> List<String> breakdown(LinkedTables t, Map<K, Long> counts, Function<K, String> id) {
        return counts.entrySet().stream().map(e -> {
            String cell = id.apply(e.getKey());
            t.cell(cell, e.getValue());
            return cell;
        }).toList();
    }
}
