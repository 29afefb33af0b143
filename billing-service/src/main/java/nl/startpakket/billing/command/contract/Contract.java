package nl.startpakket.billing.command.contract;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.startpakket.billing.api.AmendContractCommand;
import nl.startpakket.billing.api.BillableLineRecordedEvent;
import nl.startpakket.billing.api.CloseInvoicePeriodCommand;
import nl.startpakket.billing.api.ContractAmendedEvent;
import nl.startpakket.billing.api.CreditInvoiceCommand;
import nl.startpakket.billing.api.InvoiceCreditedEvent;
import nl.startpakket.billing.api.InvoiceLine;
import nl.startpakket.billing.api.InvoicePeriodClosedEvent;
import nl.startpakket.billing.api.InvoicePeriodResult;
import nl.startpakket.billing.api.ContractRegisteredEvent;
import nl.startpakket.billing.api.ContractRuleViolation;
import nl.startpakket.billing.api.ContractTerms;
import nl.startpakket.billing.api.DeliveryNotBillableEvent;
import nl.startpakket.billing.api.HistoricDeliveryHeldEvent;
import nl.startpakket.billing.api.RecordHistoricDeliveryCommand;
import nl.startpakket.billing.api.EInvoiceRefused;
import nl.startpakket.billing.api.EInvoiceRules;
import nl.startpakket.billing.api.FundingPutOnHoldEvent;
import nl.startpakket.billing.api.FundingReleasedEvent;
import nl.startpakket.billing.api.FundingReservedEvent;
import nl.startpakket.billing.api.HoldReason;
import nl.startpakket.billing.api.InvoiceRecipient;
import nl.startpakket.billing.api.InvoicingDetails;
import nl.startpakket.billing.api.InvoicingDetailsChangedEvent;
import nl.startpakket.billing.api.UsageMeasure;
import nl.startpakket.billing.api.UsageThresholdReachedEvent;
import nl.startpakket.billing.api.Money;
import nl.startpakket.billing.api.RecordDeliveryCommand;
import nl.startpakket.billing.api.RegisterContractCommand;
import nl.startpakket.billing.api.ReleaseFundingCommand;
import nl.startpakket.billing.api.ReserveFundingCommand;
import nl.startpakket.events.Phase;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A municipal contract: its terms, the referrals it funds against the cap and the budget, the
 * queue of referrals waiting for room (oldest first), and the billable lines of delivered
 * packages. Rules:
 * <ul>
 *     <li>reserved + delivered packages never exceed {@code maxPackages}; their amounts never
 *     exceed {@code budget};</li>
 *     <li>the hold queue is first come, first served: a new referral does not pass one that
 *     waits; room that frees up (amendment, cancellation) goes to the oldest first;</li>
 *     <li>a referral is reserved, held, released or billed at most once, whatever is redelivered;</li>
 *     <li>after delivery nothing is released;</li>
 *     <li>an invoice or credit note is issued only when its document passes the official
 *     e-invoice rules: a refused one changes nothing (its lines stay to be invoiced).</li>
 * </ul>
 */
@Aggregate(cache = "contractCache")
public class Contract {

    private static final int[] WARNING_THRESHOLDS = {80, 100};
    /** The longest a contract may run, from its start to its (amended) end. */
    static final int MAX_YEARS = 10;

    @AggregateIdentifier
    private String contractId;
    private ContractTerms terms;
    private InvoicingDetails invoicing;
    private final Set<String> warningsGiven = new HashSet<>();
    private final Map<String, Reservation> reservations = new HashMap<>();
    private final LinkedHashMap<String, HeldReferral> holdQueue = new LinkedHashMap<>();
    private final Set<String> released = new HashSet<>();
    private final Set<String> notBillable = new HashSet<>();
    /** Deliveries from before Startpakket waiting for room under the cap or budget, in arrival order. */
    private final LinkedHashMap<String, HeldHistoric> heldHistoric = new LinkedHashMap<>();
    private final LinkedHashMap<String, InvoiceLine> billableLines = new LinkedHashMap<>();
    private final Map<String, String> invoiceOfLine = new HashMap<>();
    private final Map<String, Set<String>> linesOfInvoice = new HashMap<>();
    private final Map<String, LocalDate> periodOfInvoice = new HashMap<>();
    private final Map<LocalDate, String> activeInvoiceOfPeriod = new HashMap<>();
    private final Map<LocalDate, Integer> invoicesPerPeriod = new HashMap<>();
    private final Map<String, Integer> creditNotesPerInvoice = new HashMap<>();
    private int usedPackages;
    private Money usedAmount = Money.ZERO;

    protected Contract() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterContractCommand command, Clock clock) {
        ContractTerms newTerms = command.terms();
        validate(newTerms);
        validate(command.invoicing());
        if (contractId != null) {
            if (!terms.equals(newTerms)) {
                throw new ContractRuleViolation("contract-exists",
                        "Contract " + command.contractId() + " exists with other terms; change it with an amendment.");
            }
            if (!invoicing.equals(command.invoicing())) {
                apply(new InvoicingDetailsChangedEvent(contractId, command.invoicing(), command.registeredBy(),
                        clock.instant()));
            }
            return;
        }
        apply(new ContractRegisteredEvent(command.contractId(), newTerms, command.invoicing(), command.registeredBy(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(AmendContractCommand command, Clock clock) {
        if (command.maxPackages() == null && command.budget() == null && command.validTo() == null) {
            throw new ContractRuleViolation("empty-amendment", "An amendment changes maxPackages, budget or validTo.");
        }
        Integer maxPackages = command.maxPackages() != null ? command.maxPackages() : terms.maxPackages();
        Money budget = command.budget() != null ? command.budget() : terms.budget();
        LocalDate validTo = command.validTo() != null ? command.validTo() : terms.validTo();
        if (maxPackages != null && maxPackages < usedPackages) {
            throw new ContractRuleViolation("cap-below-usage", "maxPackages " + maxPackages + " is below the "
                    + usedPackages + " packages already reserved or delivered.");
        }
        if (budget != null && usedAmount.greaterThan(budget)) {
            throw new ContractRuleViolation("budget-below-usage", "budget " + budget.asString() + " is below the "
                    + usedAmount.asString() + " already reserved or delivered.");
        }
        if (validTo.isBefore(terms.validFrom())) {
            throw new ContractRuleViolation("invalid-period", "validTo lies before validFrom " + terms.validFrom() + ".");
        }
        requireAtMostMaxYears(terms.validFrom(), validTo);
        if (Objects.equals(maxPackages, terms.maxPackages()) && Objects.equals(budget, terms.budget())
                && validTo.equals(terms.validTo())) {
            return;
        }
        apply(new ContractAmendedEvent(contractId, terms.municipality(), terms.validFrom(), maxPackages, budget, validTo,
                terms.maxPackages(), terms.budget(), terms.validTo(), command.amendedBy(), command.reason(), clock.instant()));
        fundWaitingReferrals(clock);
        warnAboutUsage(clock);
    }

    @CommandHandler
    public void handle(ReserveFundingCommand command, Clock clock) {
        String referralId = command.referralId();
        if (knows(referralId)) {
            return;
        }
        Optional<HoldReason> holdReason = holdReasonFor(command.phase(), command.referralDate());
        if (holdReason.isPresent()) {
            apply(new FundingPutOnHoldEvent(contractId, terms.municipality(), referralId, command.phase(),
                    command.referralDate(), holdReason.get(), LocalDate.now(clock), clock.instant()));
        } else {
            reserve(referralId, command.phase(), command.referralDate(), false, clock);
            warnAboutUsage(clock);
        }
    }

    @CommandHandler
    public void handle(ReleaseFundingCommand command, Clock clock) {
        String referralId = command.referralId();
        Reservation reservation = reservations.get(referralId);
        if (reservation != null && !reservation.delivered()) {
            apply(new FundingReleasedEvent(contractId, terms.municipality(), referralId, reservation.phase(), true,
                    reservation.amount(), command.reason(), LocalDate.now(clock), clock.instant()));
            fundWaitingReferrals(clock);
            warnAboutUsage(clock);
        } else if (holdQueue.containsKey(referralId)) {
            HeldReferral held = holdQueue.get(referralId);
            apply(new FundingReleasedEvent(contractId, terms.municipality(), referralId, held.phase(), false,
                    Money.ZERO, command.reason(), LocalDate.now(clock), clock.instant()));
            // the one that blocked the queue may be gone: a cheaper referral behind it may fit now
            fundWaitingReferrals(clock);
            warnAboutUsage(clock);
        }
        // delivered, already released or unknown: nothing to give up
    }

    @CommandHandler
    public void handle(RecordDeliveryCommand command, Clock clock) {
        String referralId = command.referralId();
        Reservation reservation = reservations.get(referralId);
        if (reservation != null) {
            if (!reservation.delivered()) {
                apply(new BillableLineRecordedEvent(contractId, terms.municipality(), referralId, reservation.phase(),
                        command.deliveredOn(), reservation.amount(), clock.instant()));
            }
            return;
        }
        if (notBillable.contains(referralId)) {
            return;
        }
        String reason = holdQueue.containsKey(referralId) ? "ON_HOLD" : released.contains(referralId) ? "RELEASED" : "NOT_FUNDED";
        apply(new DeliveryNotBillableEvent(contractId, terms.municipality(), referralId, command.phase(),
                command.deliveredOn(), reason, clock.instant()));
    }

    /**
     * A delivery from before Startpakket (not invoiced then) dated within this contract: a billable
     * line at the contract price that uses a slot of the cap and the budget like any delivery; with
     * no room it is held until an amendment makes room. Once.
     */
    @CommandHandler
    public void handle(RecordHistoricDeliveryCommand command, Clock clock) {
        String referralId = command.referralId();
        if (knows(referralId) || billableLines.containsKey(referralId) || heldHistoric.containsKey(referralId)
                || notBillable.contains(referralId)) {
            return;
        }
        if (!terms.covers(command.deliveredOn())) {
            apply(new DeliveryNotBillableEvent(contractId, terms.municipality(), referralId, command.phase(), command.deliveredOn(),
                    "OUTSIDE_CONTRACT_PERIOD", clock.instant()));
            return;
        }
        Optional<HoldReason> noRoom = noRoomFor(command.phase());
        if (noRoom.isPresent()) {
            apply(new HistoricDeliveryHeldEvent(contractId, terms.municipality(), referralId, command.phase(), command.deliveredOn(),
                    noRoom.get(), clock.instant()));
            return;
        }
        billHistoric(referralId, command.phase(), command.deliveredOn(), clock);
        warnAboutUsage(clock);
    }

    @CommandHandler
    public InvoicePeriodResult handle(CloseInvoicePeriodCommand command, Clock clock, EInvoiceRules rules) {
        LocalDate periodEnd = command.periodEnd();
        LocalDate today = LocalDate.now(clock);
        if (periodEnd == null || !periodEnd.isBefore(today)) {
            throw new ContractRuleViolation("period-not-closed", "Only a period that has ended can be invoiced: "
                    + "periodEnd must lie before today (" + today + "): the last day that can be invoiced is "
                    + today.minusDays(1) + ".");
        }
        String active = activeInvoiceOfPeriod.get(periodEnd);
        if (active != null) {
            return new InvoicePeriodResult(active, false);
        }
        List<InvoiceLine> lines = billableLines.values().stream()
                .filter(line -> !invoiceOfLine.containsKey(line.referralId()))
                .filter(line -> !line.deliveredOn().isAfter(periodEnd))
                .sorted(Comparator.comparing(InvoiceLine::deliveredOn).thenComparing(InvoiceLine::referralId))
                .toList();
        if (lines.isEmpty()) {
            return null;
        }
        LocalDate periodStart = invoicesPerPeriod.keySet().stream()
                .filter(end -> end.isBefore(periodEnd))
                .max(Comparator.naturalOrder())
                .map(end -> end.plusDays(1))
                .orElse(terms.validFrom());
        LocalDate firstDelivery = lines.get(0).deliveredOn();
        if (firstDelivery.isBefore(periodStart)) {
            periodStart = firstDelivery;
        }
        int n = invoicesPerPeriod.getOrDefault(periodEnd, 0) + 1;
        String invoiceId = "INV-" + contractId + "-" + periodEnd.format(DateTimeFormatter.BASIC_ISO_DATE) + (n > 1 ? "-" + n : "");
        InvoicePeriodClosedEvent closed = new InvoicePeriodClosedEvent(contractId, terms.municipality(), invoiceId,
                periodStart, periodEnd, lines, invoicing, command.requestedBy(), clock.instant());
        EInvoiceRefused.unlessEmpty("invoice", rules.check(closed));
        apply(closed);
        return new InvoicePeriodResult(invoiceId, true);
    }

    @CommandHandler
    public String handle(CreditInvoiceCommand command, Clock clock, EInvoiceRules rules) {
        Set<String> onInvoice = linesOfInvoice.get(command.invoiceId());
        if (onInvoice == null) {
            throw new ContractRuleViolation("unknown-invoice", "No invoice " + command.invoiceId() + " under this contract.");
        }
        List<String> toCredit = command.referralIds() == null || command.referralIds().isEmpty()
                ? onInvoice.stream().sorted().toList()
                : command.referralIds().stream().distinct().toList();
        if (toCredit.isEmpty() || !onInvoice.containsAll(toCredit)) {
            throw new ContractRuleViolation("already-credited",
                    "These lines are not (or no longer) on invoice " + command.invoiceId() + ".");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new ContractRuleViolation("reason-required", "A credit note states why it corrects the invoice.");
        }
        int k = creditNotesPerInvoice.getOrDefault(command.invoiceId(), 0) + 1;
        String creditNoteId = "CN-" + command.invoiceId().substring("INV-".length()) + "-" + k;
        List<InvoiceLine> lines = toCredit.stream().map(billableLines::get).toList();
        InvoiceCreditedEvent credited = new InvoiceCreditedEvent(contractId, terms.municipality(), command.invoiceId(),
                creditNoteId, lines, invoicing, command.reason(), command.requestedBy(), clock.instant());
        EInvoiceRefused.unlessEmpty("credit note", rules.check(credited));
        apply(credited);
        return creditNoteId;
    }

    /** A contract over decades is a typing error (and reports break a contract down per month). */
    private static void requireAtMostMaxYears(LocalDate validFrom, LocalDate validTo) {
        if (validTo.isAfter(validFrom.plusYears(MAX_YEARS))) {
            throw new ContractRuleViolation("invalid-period", "A contract runs at most " + MAX_YEARS
                    + " years; register a new one after that.");
        }
    }

    private boolean knows(String referralId) {
        return reservations.containsKey(referralId) || holdQueue.containsKey(referralId) || released.contains(referralId);
    }

    /** Why this referral must wait, if it must: out of the period, someone waits before it, or no room. */
    private Optional<HoldReason> holdReasonFor(Phase phase, LocalDate referralDate) {
        if (referralDate.isAfter(terms.validTo())) {
            return Optional.of(HoldReason.CONTRACT_ENDED);
        }
        if (referralDate.isBefore(terms.validFrom())) {
            return Optional.of(HoldReason.NO_CONTRACT);
        }
        Optional<HoldReason> noRoom = noRoomFor(phase);
        if (noRoom.isPresent()) {
            return noRoom;
        }
        return holdQueue.values().stream()
                .filter(waiting -> terms.covers(waiting.referralDate()))
                .findFirst()
                .map(first -> noRoomFor(first.phase()).orElse(first.reason()));
    }

    private Optional<HoldReason> noRoomFor(Phase phase) {
        if (terms.maxPackages() != null && usedPackages >= terms.maxPackages()) {
            return Optional.of(HoldReason.CAP_REACHED);
        }
        if (terms.budget() != null && usedAmount.plus(terms.priceOf(phase)).greaterThan(terms.budget())) {
            return Optional.of(HoldReason.BUDGET_EXHAUSTED);
        }
        return Optional.empty();
    }

    /** Room that became available goes to the waiting referrals, oldest first, as far as it goes. */
    private void fundWaitingReferrals(Clock clock) {
        List<Map.Entry<String, HeldReferral>> waiting = new ArrayList<>(holdQueue.entrySet());
        for (Map.Entry<String, HeldReferral> entry : waiting) {
            HeldReferral held = entry.getValue();
            if (!terms.covers(held.referralDate())) {
                continue;
            }
            if (noRoomFor(held.phase()).isPresent()) {
                return;
            }
            reserve(entry.getKey(), held.phase(), held.referralDate(), true, clock);
        }
        for (Map.Entry<String, HeldHistoric> entry : new ArrayList<>(heldHistoric.entrySet())) {
            HeldHistoric held = entry.getValue();
            if (noRoomFor(held.phase()).isPresent()) {
                return;
            }
            billHistoric(entry.getKey(), held.phase(), held.deliveredOn(), clock);
        }
    }

    /** The line of a delivery from before Startpakket, at the contract price: it takes the slot a reservation would have. */
    private void billHistoric(String referralId, Phase phase, LocalDate deliveredOn, Clock clock) {
        apply(new BillableLineRecordedEvent(contractId, terms.municipality(), referralId, phase, deliveredOn, terms.priceOf(phase),
                clock.instant()));
    }

    /** Each threshold (80%, 100%) of cap and budget is reported once, when usage first reaches it. */
    private void warnAboutUsage(Clock clock) {
        for (int threshold : WARNING_THRESHOLDS) {
            if (terms.maxPackages() != null) {
                BigDecimal used = BigDecimal.valueOf(usedPackages);
                BigDecimal limit = BigDecimal.valueOf(terms.maxPackages());
                warnIfReached(UsageMeasure.CAP, threshold, used, limit, clock);
            }
            if (terms.budget() != null) {
                warnIfReached(UsageMeasure.BUDGET, threshold, usedAmount.amount(), terms.budget().amount(), clock);
            }
        }
    }

    private void warnIfReached(UsageMeasure measure, int threshold, BigDecimal used, BigDecimal limit, Clock clock) {
        if (reached(used, limit, threshold) && !warningsGiven.contains(measure + "@" + threshold)) {
            apply(new UsageThresholdReachedEvent(contractId, terms.municipality(), measure, threshold, used, limit,
                    clock.instant()));
        }
    }

    private static boolean reached(BigDecimal used, BigDecimal limit, int threshold) {
        return used.multiply(BigDecimal.valueOf(100)).compareTo(limit.multiply(BigDecimal.valueOf(threshold))) >= 0;
    }

    private void reserve(String referralId, Phase phase, LocalDate referralDate, boolean fromHoldQueue, Clock clock) {
        apply(new FundingReservedEvent(contractId, terms.municipality(), referralId, phase, referralDate,
                terms.priceOf(phase), fromHoldQueue, LocalDate.now(clock), clock.instant()));
    }

    private static void validate(InvoicingDetails invoicing) {
        if (invoicing == null || invoicing.recipient() == null || invoicing.vat() == null) {
            throw new ContractRuleViolation("incomplete-invoicing", "The invoice recipient and VAT treatment are required.");
        }
        InvoiceRecipient recipient = invoicing.recipient();
        if (recipient.name() == null || recipient.name().isBlank()
                || recipient.buyerReference() == null || recipient.buyerReference().isBlank()) {
            throw new ContractRuleViolation("incomplete-invoicing",
                    "The invoice recipient needs a name and a buyer reference (required on e-invoices).");
        }
        String vatProblem = invoicing.vat().problem();
        if (vatProblem != null) {
            throw new ContractRuleViolation("invalid-vat", vatProblem + ".");
        }
    }

    private static void validate(ContractTerms terms) {
        if (terms == null || terms.municipality() == null || terms.validFrom() == null || terms.validTo() == null
                || terms.babyPrice() == null || terms.toddlerPrice() == null || terms.invoicePeriod() == null) {
            throw new ContractRuleViolation("incomplete-terms",
                    "municipality, validFrom, validTo, both prices and invoicePeriod are required.");
        }
        if (terms.validTo().isBefore(terms.validFrom())) {
            throw new ContractRuleViolation("invalid-period", "validTo lies before validFrom.");
        }
        requireAtMostMaxYears(terms.validFrom(), terms.validTo());
        if (!terms.babyPrice().isPositive() || !terms.toddlerPrice().isPositive()) {
            throw new ContractRuleViolation("invalid-price", "Prices per package are positive amounts.");
        }
        if (terms.maxPackages() != null && terms.maxPackages() < 1) {
            throw new ContractRuleViolation("invalid-cap", "maxPackages is at least 1 (leave it out for no cap).");
        }
        if (terms.budget() != null && !terms.budget().isPositive()) {
            throw new ContractRuleViolation("invalid-budget", "budget is a positive amount (leave it out for no budget).");
        }
    }

    @EventSourcingHandler
    void on(ContractRegisteredEvent event) {
        contractId = event.contractId();
        terms = event.terms();
        invoicing = event.invoicing();
    }

    @EventSourcingHandler
    void on(InvoicingDetailsChangedEvent event) {
        invoicing = event.invoicing();
    }

    @EventSourcingHandler
    void on(ContractAmendedEvent event) {
        terms = new ContractTerms(terms.municipality(), terms.validFrom(), event.validTo(), terms.babyPrice(),
                terms.toddlerPrice(), event.maxPackages(), event.budget(), terms.invoicePeriod());
        // a raised limit re-arms the warnings that usage no longer reaches
        warningsGiven.removeIf(warning -> {
            UsageMeasure measure = UsageMeasure.valueOf(warning.substring(0, warning.indexOf('@')));
            int threshold = Integer.parseInt(warning.substring(warning.indexOf('@') + 1));
            return measure == UsageMeasure.CAP
                    ? terms.maxPackages() == null
                    || !reached(BigDecimal.valueOf(usedPackages), BigDecimal.valueOf(terms.maxPackages()), threshold)
                    : terms.budget() == null || !reached(usedAmount.amount(), terms.budget().amount(), threshold);
        });
    }

    @EventSourcingHandler
    void on(UsageThresholdReachedEvent event) {
        warningsGiven.add(event.measure() + "@" + event.thresholdPercent());
    }

    @EventSourcingHandler
    void on(FundingReservedEvent event) {
        holdQueue.remove(event.referralId());
        reservations.put(event.referralId(), new Reservation(event.phase(), event.amount(), false));
        usedPackages++;
        usedAmount = usedAmount.plus(event.amount());
    }

    @EventSourcingHandler
    void on(FundingPutOnHoldEvent event) {
        holdQueue.put(event.referralId(), new HeldReferral(event.phase(), event.referralDate(), event.reason()));
    }

    @EventSourcingHandler
    void on(FundingReleasedEvent event) {
        if (event.wasReserved()) {
            Reservation reservation = reservations.remove(event.referralId());
            usedPackages--;
            usedAmount = usedAmount.minus(reservation.amount());
        } else {
            holdQueue.remove(event.referralId());
        }
        released.add(event.referralId());
    }

    @EventSourcingHandler
    void on(BillableLineRecordedEvent event) {
        if (!reservations.containsKey(event.referralId())) {
            // a delivery from before Startpakket: its line takes the slot a reservation would have taken
            heldHistoric.remove(event.referralId());
            usedPackages++;
            usedAmount = usedAmount.plus(event.amount());
        }
        reservations.computeIfPresent(event.referralId(), (id, r) -> new Reservation(r.phase(), r.amount(), true));
        billableLines.put(event.referralId(), new InvoiceLine(event.referralId(), event.phase(), event.deliveredOn(),
                event.amount()));
    }

    @EventSourcingHandler
    void on(InvoicePeriodClosedEvent event) {
        Set<String> lines = new HashSet<>();
        for (InvoiceLine line : event.lines()) {
            invoiceOfLine.put(line.referralId(), event.invoiceId());
            lines.add(line.referralId());
        }
        linesOfInvoice.put(event.invoiceId(), lines);
        periodOfInvoice.put(event.invoiceId(), event.periodEnd());
        activeInvoiceOfPeriod.put(event.periodEnd(), event.invoiceId());
        invoicesPerPeriod.merge(event.periodEnd(), 1, Integer::sum);
    }

    @EventSourcingHandler
    void on(InvoiceCreditedEvent event) {
        Set<String> lines = linesOfInvoice.get(event.invoiceId());
        for (InvoiceLine line : event.lines()) {
            invoiceOfLine.remove(line.referralId());
            lines.remove(line.referralId());
        }
        if (lines.isEmpty()) {
            activeInvoiceOfPeriod.remove(periodOfInvoice.get(event.invoiceId()), event.invoiceId());
        }
        creditNotesPerInvoice.merge(event.invoiceId(), 1, Integer::sum);
    }

    @EventSourcingHandler
    void on(HistoricDeliveryHeldEvent event) {
        heldHistoric.put(event.referralId(), new HeldHistoric(event.phase(), event.deliveredOn()));
    }

    @EventSourcingHandler
    void on(DeliveryNotBillableEvent event) {
        notBillable.add(event.referralId());
    }

    private record Reservation(Phase phase, Money amount, boolean delivered) {
    }

    private record HeldReferral(Phase phase, LocalDate referralDate, HoldReason reason) {
    }

    private record HeldHistoric(Phase phase, LocalDate deliveredOn) {
    }
}
