package nl.startpakket.billing.command.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import nl.startpakket.billing.api.AmendContractCommand;
import nl.startpakket.billing.api.BillableLineRecordedEvent;
import nl.startpakket.billing.api.CloseInvoicePeriodCommand;
import nl.startpakket.billing.api.ContractAmendedEvent;
import nl.startpakket.billing.api.ContractRegisteredEvent;
import nl.startpakket.billing.api.ContractTerms;
import nl.startpakket.billing.api.FundingPutOnHoldEvent;
import nl.startpakket.billing.api.FundingReleasedEvent;
import nl.startpakket.billing.api.FundingReservedEvent;
import nl.startpakket.billing.api.InvoiceLine;
import nl.startpakket.billing.api.InvoicePeriod;
import nl.startpakket.billing.api.InvoicePeriodClosedEvent;
import nl.startpakket.billing.api.InvoiceRecipient;
import nl.startpakket.billing.api.InvoicingDetails;
import nl.startpakket.billing.api.Money;
import nl.startpakket.billing.api.RecordDeliveryCommand;
import nl.startpakket.billing.api.RegisterContractCommand;
import nl.startpakket.billing.api.ReleaseFundingCommand;
import nl.startpakket.billing.api.ReserveFundingCommand;
import nl.startpakket.billing.api.VatTreatment;
import nl.startpakket.events.Phase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

/**
 * Properties of the contract under any interleaving of accepted referrals, redelivered
 * acceptances, cancellations, (duplicate) deliveries and amendments: the cap and the budget are
 * never exceeded, the hold queue is served oldest first and never waits while there is room,
 * a package is billed at most once and only if funded, and the invoice of everything delivered
 * reconciles with the deliveries to the cent.
 */
class ContractCapPropertyTest {

    static final String ID = "property-contract";
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam"));
    static final LocalDate REFERRAL_DATE = LocalDate.of(2026, 2, 10);
    static final LocalDate DELIVERED_ON = LocalDate.of(2026, 2, 15);
    static final Money BABY = Money.eur(80);
    static final Money TODDLER = Money.eur(50);

    sealed interface Action permits Accept, Cancel, Deliver, RaiseCap, AddBudget {
    }

    record Accept(int referral) implements Action {
    }

    record Cancel(int referral) implements Action {
    }

    record Deliver(int referral) implements Action {
    }

    record RaiseCap(int by) implements Action {
    }

    record AddBudget(int euros) implements Action {
    }

    @Provide
    Arbitrary<List<Action>> runs() {
        Arbitrary<Integer> referral = Arbitraries.integers().between(0, 11);
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                Tuple.of(6, referral.map(i -> (Action) new Accept(i))),
                Tuple.of(2, referral.map(i -> (Action) new Cancel(i))),
                Tuple.of(4, referral.map(i -> (Action) new Deliver(i))),
                Tuple.of(1, Arbitraries.integers().between(1, 3).map(k -> (Action) new RaiseCap(k))),
                Tuple.of(1, Arbitraries.integers().between(1, 4).map(k -> (Action) new AddBudget(k * 50))));
        return action.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 2000)
    void capAndBudgetHoldAndEveryDeliveryIsBilledOnceUnderAnyInterleaving(
            @ForAll("runs") List<Action> run,
            @ForAll @IntRange(min = 1, max = 6) int cap,
            @ForAll @IntRange(min = 0, max = 8) int budgetInFifties) {
        Money budget = budgetInFifties == 0 ? null : Money.eur(100L + budgetInFifties * 50L);
        FixtureConfiguration<Contract> fixture = new AggregateTestFixture<>(Contract.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(new EInvoiceRulesStub());

        List<Object> commands = new ArrayList<>();
        commands.add(new RegisterContractCommand(ID, new ContractTerms("GM0406", LocalDate.of(2026, 2, 1),
                LocalDate.of(2027, 1, 31), BABY, TODDLER, cap, budget, InvoicePeriod.MONTHLY),
                new InvoicingDetails(InvoiceRecipient.defaultFor("Huizen", ID), new VatTreatment("E", BigDecimal.ZERO, "Vrijgesteld")),
                "property"));
        int currentCap = cap;
        Money currentBudget = budget;
        for (Action action : run) {
            if (action instanceof Accept a) {
                commands.add(new ReserveFundingCommand(ID, ref(a.referral()), phase(a.referral()), REFERRAL_DATE));
            } else if (action instanceof Cancel c) {
                commands.add(new ReleaseFundingCommand(ID, ref(c.referral()), "CANCELLED"));
            } else if (action instanceof Deliver d) {
                commands.add(new RecordDeliveryCommand(ID, ref(d.referral()), phase(d.referral()), DELIVERED_ON));
            } else if (action instanceof RaiseCap r) {
                currentCap += r.by();
                commands.add(new AmendContractCommand(ID, currentCap, null, null, "finance", "more room"));
            } else if (action instanceof AddBudget b && currentBudget != null) {
                currentBudget = currentBudget.plus(Money.eur(b.euros()));
                commands.add(new AmendContractCommand(ID, null, currentBudget, null, "finance", "more budget"));
            }
        }
        fixture.givenCommands(commands)
                .when(new CloseInvoicePeriodCommand(ID, LocalDate.of(2026, 2, 28), "finance"))
                .expectSuccessfulHandlerExecution();

        List<Object> events = fixture.getEventStore().readEvents(ID).asStream().map(DomainEventMessage::getPayload)
                .map(Object.class::cast).toList();
        checkInvariants(events);
    }

    private static void checkInvariants(List<Object> events) {
        Integer cap = null;
        Money budget = null;
        Set<String> reserved = new HashSet<>();
        Set<String> delivered = new HashSet<>();
        Set<String> billed = new HashSet<>();
        LinkedList<String> queue = new LinkedList<>();
        java.util.Map<String, Money> amountOf = new java.util.HashMap<>();
        java.util.Map<String, Phase> phaseOf = new java.util.HashMap<>();
        Money used = Money.ZERO;
        List<InvoiceLine> invoiced = new ArrayList<>();
        for (Object event : events) {
            if (event instanceof ContractRegisteredEvent e) {
                cap = e.terms().maxPackages();
                budget = e.terms().budget();
            } else if (event instanceof ContractAmendedEvent e) {
                cap = e.maxPackages();
                budget = e.budget();
            } else if (event instanceof FundingReservedEvent e) {
                assertThat(reserved).as("reserved twice").doesNotContain(e.referralId());
                assertThat(delivered).doesNotContain(e.referralId());
                if (e.fromHoldQueue()) {
                    assertThat(queue.peekFirst()).as("oldest first").isEqualTo(e.referralId());
                    queue.removeFirst();
                } else {
                    assertThat(queue).as("a new referral does not pass one that waits").isEmpty();
                }
                reserved.add(e.referralId());
                amountOf.put(e.referralId(), e.amount());
                phaseOf.put(e.referralId(), e.phase());
                assertThat(e.amount()).isEqualTo(e.phase() == Phase.BABY ? BABY : TODDLER);
                used = used.plus(e.amount());
                if (cap != null) {
                    assertThat(reserved.size() + delivered.size()).as("cap").isLessThanOrEqualTo(cap);
                }
                if (budget != null) {
                    assertThat(used.compareTo(budget)).as("budget").isLessThanOrEqualTo(0);
                }
            } else if (event instanceof FundingPutOnHoldEvent e) {
                assertThat(queue).doesNotContain(e.referralId());
                queue.addLast(e.referralId());
            } else if (event instanceof FundingReleasedEvent e) {
                if (e.wasReserved()) {
                    assertThat(reserved).as("only a reservation not delivered is released").contains(e.referralId());
                    reserved.remove(e.referralId());
                    used = used.minus(e.amount());
                } else {
                    assertThat(queue.remove(e.referralId())).isTrue();
                }
            } else if (event instanceof BillableLineRecordedEvent e) {
                assertThat(billed.add(e.referralId())).as("billed once").isTrue();
                assertThat(reserved).as("billed only when funded").contains(e.referralId());
                reserved.remove(e.referralId());
                delivered.add(e.referralId());
                assertThat(e.amount()).isEqualTo(amountOf.get(e.referralId()));
            } else if (event instanceof InvoicePeriodClosedEvent e) {
                invoiced.addAll(e.lines());
            }
        }
        if (!queue.isEmpty()) {
            String head = queue.peekFirst();
            boolean capFull = cap != null && reserved.size() + delivered.size() >= cap;
            Money headPrice = phaseOfQueued(head) == Phase.BABY ? BABY : TODDLER;
            boolean budgetFull = budget != null && used.plus(headPrice).greaterThan(budget);
            assertThat(capFull || budgetFull).as("nobody waits while there is room").isTrue();
        }
        Money deliveredAmount = delivered.stream().map(amountOf::get).reduce(Money.ZERO, Money::plus);
        Money invoicedAmount = invoiced.stream().map(InvoiceLine::amount).reduce(Money.ZERO, Money::plus);
        assertThat(invoiced).as("every delivery invoiced once").hasSize(delivered.size());
        assertThat(invoiced.stream().map(InvoiceLine::referralId).distinct().count()).isEqualTo(delivered.size());
        assertThat(invoicedAmount).as("invoice lines = delivered packages x price").isEqualTo(deliveredAmount);
        long babies = delivered.stream().filter(r -> phaseOf.get(r) == Phase.BABY).count();
        assertThat(invoicedAmount).isEqualTo(BABY.times(babies).plus(TODDLER.times(delivered.size() - babies)));
    }

    private static Phase phaseOfQueued(String referralId) {
        return phase(Integer.parseInt(referralId.substring(2)));
    }

    static String ref(int i) {
        return "R-" + i;
    }

    static Phase phase(int i) {
        return i % 2 == 0 ? Phase.BABY : Phase.TODDLER;
    }
}
