package nl.startpakket.billing.command.contract;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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
import nl.startpakket.billing.api.EInvoiceRefused;
import nl.startpakket.billing.api.EInvoiceRuleFailure;
import nl.startpakket.billing.api.FundingPutOnHoldEvent;
import nl.startpakket.billing.api.FundingReleasedEvent;
import nl.startpakket.billing.api.FundingReservedEvent;
import nl.startpakket.billing.api.HistoricDeliveryHeldEvent;
import nl.startpakket.billing.api.HoldReason;
import nl.startpakket.billing.api.RecordHistoricDeliveryCommand;
import nl.startpakket.billing.api.InvoicePeriod;
import nl.startpakket.billing.api.InvoiceRecipient;
import nl.startpakket.billing.api.InvoicingDetails;
import nl.startpakket.billing.api.InvoicingDetailsChangedEvent;
import nl.startpakket.billing.api.UsageMeasure;
import nl.startpakket.billing.api.UsageThresholdReachedEvent;
import nl.startpakket.billing.api.VatTreatment;
import nl.startpakket.billing.api.Money;
import nl.startpakket.billing.api.RecordDeliveryCommand;
import nl.startpakket.billing.api.RegisterContractCommand;
import nl.startpakket.billing.api.ReleaseFundingCommand;
import nl.startpakket.billing.api.ReserveFundingCommand;
import nl.startpakket.events.Phase;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContractTest {

    static final String ID = "huizen-test";
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam"));
    static final LocalDate REFERRAL_DATE = LocalDate.of(2026, 3, 1);

    FixtureConfiguration<Contract> fixture;
    /** The rules of the official e-invoice rule sets as the contract sees them: what the next document breaks. */
    final EInvoiceRulesStub rules = new EInvoiceRulesStub();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Contract.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(rules);
    }

    static final EInvoiceRuleFailure NO_BUYER_ADDRESS = new EInvoiceRuleFailure("PEPPOL-EN16931-R010",
            "Buyer electronic address MUST be provided", "eu.peppol.bis3:invoice:2026.5", "/*:Invoice[1]",
            "add the municipality's electronic address");

    static ContractTerms terms(Integer maxPackages, Money budget) {
        return new ContractTerms("GM0406", LocalDate.of(2026, 2, 1), LocalDate.of(2027, 1, 31), Money.eur(80),
                Money.eur(80), maxPackages, budget, InvoicePeriod.MONTHLY);
    }

    static final InvoicingDetails INVOICING = new InvoicingDetails(InvoiceRecipient.defaultFor("Huizen", ID),
            new VatTreatment("E", BigDecimal.ZERO, "Vrijgesteld van btw"));

    static ContractRegisteredEvent registered(Integer maxPackages, Money budget) {
        return new ContractRegisteredEvent(ID, terms(maxPackages, budget), INVOICING, "coordinator", NOW);
    }

    static UsageThresholdReachedEvent capWarning(int threshold, long used, long cap) {
        return new UsageThresholdReachedEvent(ID, "GM0406", UsageMeasure.CAP, threshold, BigDecimal.valueOf(used),
                BigDecimal.valueOf(cap), NOW);
    }

    static FundingReservedEvent reserved(String referralId) {
        return reserved(referralId, false);
    }

    static FundingReservedEvent reserved(String referralId, boolean fromHoldQueue) {
        return new FundingReservedEvent(ID, "GM0406", referralId, Phase.BABY, REFERRAL_DATE, Money.eur(80), fromHoldQueue,
                TODAY, NOW);
    }

    static FundingPutOnHoldEvent held(String referralId, HoldReason reason) {
        return new FundingPutOnHoldEvent(ID, "GM0406", referralId, Phase.BABY, REFERRAL_DATE, reason, TODAY, NOW);
    }

    static ReserveFundingCommand reserve(String referralId) {
        return new ReserveFundingCommand(ID, referralId, Phase.BABY, REFERRAL_DATE);
    }

    @Test
    void shouldRegisterWhenNew() {
        fixture.givenNoPriorActivity()
                .when(new RegisterContractCommand(ID, terms(125, Money.eur(10_000)), INVOICING, "coordinator"))
                .expectEvents(registered(125, Money.eur(10_000)));
    }

    @Test
    void shouldChangeNothingWhenTheSameTermsAreRegisteredAgain() {
        fixture.given(registered(125, Money.eur(10_000)))
                .when(new RegisterContractCommand(ID, terms(125, Money.eur(10_000)), INVOICING, "someone-else"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldRefuseWhenRegisteredAgainWithOtherTerms() {
        fixture.given(registered(125, Money.eur(10_000)))
                .when(new RegisterContractCommand(ID, terms(200, Money.eur(10_000)), INVOICING, "coordinator"))
                .expectException(ContractRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void shouldRefuseWhenThePeriodEndsBeforeItStarts() {
        ContractTerms backwards = new ContractTerms("GM0406", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 31),
                Money.eur(80), Money.eur(80), 10, null, InvoicePeriod.MONTHLY);
        fixture.givenNoPriorActivity()
                .when(new RegisterContractCommand(ID, backwards, INVOICING, "coordinator"))
                .expectException(ContractRuleViolation.class);
    }

    @Test
    void shouldRefuseAContractThatRunsLongerThanTenYears() {
        ContractTerms centuries = new ContractTerms("GM0406", LocalDate.of(2026, 2, 1), LocalDate.of(2226, 1, 31),
                Money.eur(80), Money.eur(80), 10, null, InvoicePeriod.MONTHLY);
        fixture.givenNoPriorActivity()
                .when(new RegisterContractCommand(ID, centuries, INVOICING, "coordinator"))
                .expectException(ContractRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void shouldRefuseAnAmendmentThatExtendsTheContractBeyondTenYears() {
        fixture.given(registered(125, null))
                .when(new AmendContractCommand(ID, null, null, LocalDate.of(2036, 2, 2), "finance", "typo"))
                .expectException(ContractRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void shouldReserveFundingWhenThereIsRoom() {
        fixture.given(registered(125, Money.eur(10_000)))
                .when(reserve("R-1"))
                .expectEvents(reserved("R-1"));
    }

    @Test
    void shouldReserveAtThePriceOfThePhase() {
        ContractTerms prices = new ContractTerms("GM0406", LocalDate.of(2026, 2, 1), LocalDate.of(2027, 1, 31),
                Money.eur(80), Money.eur("95.50"), null, null, InvoicePeriod.QUARTERLY);
        fixture.given(new ContractRegisteredEvent(ID, prices, INVOICING, "coordinator", NOW))
                .when(new ReserveFundingCommand(ID, "R-1", Phase.TODDLER, REFERRAL_DATE))
                .expectEvents(new FundingReservedEvent(ID, "GM0406", "R-1", Phase.TODDLER, REFERRAL_DATE,
                        Money.eur("95.50"), false, TODAY, NOW));
    }

    @Test
    void shouldPutOnHoldWhenTheCapIsReached() {
        fixture.given(registered(2, null), reserved("R-1"), reserved("R-2"))
                .when(reserve("R-3"))
                .expectEvents(held("R-3", HoldReason.CAP_REACHED));
    }

    @Test
    void shouldPutOnHoldWhenTheBudgetIsExhausted() {
        fixture.given(registered(null, Money.eur(200)), reserved("R-1"), reserved("R-2"))
                .when(reserve("R-3"))
                .expectEvents(held("R-3", HoldReason.BUDGET_EXHAUSTED));
    }

    @Test
    void shouldPutOnHoldWhenTheReferralDateIsAfterTheContractEnded() {
        fixture.given(registered(10, null))
                .when(new ReserveFundingCommand(ID, "R-1", Phase.BABY, LocalDate.of(2027, 2, 1)))
                .expectEvents(new FundingPutOnHoldEvent(ID, "GM0406", "R-1", Phase.BABY, LocalDate.of(2027, 2, 1),
                        HoldReason.CONTRACT_ENDED, TODAY, NOW));
    }

    @Test
    void shouldNotLetANewReferralPassOneThatWaitsWhenASlotIsFree() {
        // R-3 waits; a slot is free only because R-1 was released and R-3 got it; then the queue is empty again
        fixture.given(registered(1, null), reserved("R-1"), held("R-2", HoldReason.CAP_REACHED))
                .when(reserve("R-3"))
                .expectEvents(held("R-3", HoldReason.CAP_REACHED));
    }

    @Test
    void shouldChangeNothingWhenTheSameReferralIsReservedTwice() {
        fixture.given(registered(125, null), reserved("R-1"))
                .when(reserve("R-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldChangeNothingWhenAHeldReferralIsRedelivered() {
        fixture.given(registered(1, null), reserved("R-1"), held("R-2", HoldReason.CAP_REACHED))
                .when(reserve("R-2"))
                .expectNoEvents();
    }

    @Test
    void shouldReleaseHeldReferralsOldestFirstAsFarAsTheNewRoomGoesWhenAmended() {
        fixture.given(registered(1, null), reserved("R-1"), held("R-2", HoldReason.CAP_REACHED),
                        held("R-3", HoldReason.CAP_REACHED), held("R-4", HoldReason.CAP_REACHED))
                .when(new AmendContractCommand(ID, 3, null, null, "finance", "Consulted the municipality"))
                .expectEvents(
                        new ContractAmendedEvent(ID, "GM0406", LocalDate.of(2026, 2, 1), 3, null,
                                LocalDate.of(2027, 1, 31), 1, null, LocalDate.of(2027, 1, 31), "finance",
                                "Consulted the municipality", NOW),
                        reserved("R-2", true),
                        reserved("R-3", true),
                        capWarning(80, 3, 3),
                        capWarning(100, 3, 3));
    }

    @Test
    void shouldReleaseHeldReferralsWhenBudgetIsAdded() {
        fixture.given(registered(null, Money.eur(80)), reserved("R-1"), held("R-2", HoldReason.BUDGET_EXHAUSTED))
                .when(new AmendContractCommand(ID, null, Money.eur(160), null, "finance", "Extra budget"))
                .expectEvents(
                        new ContractAmendedEvent(ID, "GM0406", LocalDate.of(2026, 2, 1), null, Money.eur(160),
                                LocalDate.of(2027, 1, 31), null, Money.eur(80), LocalDate.of(2027, 1, 31), "finance",
                                "Extra budget", NOW),
                        reserved("R-2", true),
                        new UsageThresholdReachedEvent(ID, "GM0406", UsageMeasure.BUDGET, 80, new BigDecimal("160.00"),
                                new BigDecimal("160.00"), NOW),
                        new UsageThresholdReachedEvent(ID, "GM0406", UsageMeasure.BUDGET, 100, new BigDecimal("160.00"),
                                new BigDecimal("160.00"), NOW));
    }

    @Test
    void shouldRefuseWhenAnAmendmentSetsTheCapBelowWhatIsUsed() {
        fixture.given(registered(3, null), reserved("R-1"), reserved("R-2"))
                .when(new AmendContractCommand(ID, 1, null, null, "finance", "Cut"))
                .expectException(ContractRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void shouldReleaseTheSlotWhenCancelledBeforeDelivery() {
        fixture.given(registered(125, null), reserved("R-1"))
                .when(new ReleaseFundingCommand(ID, "R-1", "NO_LONGER_NEEDED"))
                .expectEvents(new FundingReleasedEvent(ID, "GM0406", "R-1", Phase.BABY, true, Money.eur(80),
                        "NO_LONGER_NEEDED", TODAY, NOW));
    }

    @Test
    void shouldGiveTheFreedSlotToTheOldestWaitingReferralWhenCancelled() {
        fixture.given(registered(1, null), reserved("R-1"), capWarning(80, 1, 1), capWarning(100, 1, 1),
                        held("R-2", HoldReason.CAP_REACHED))
                .when(new ReleaseFundingCommand(ID, "R-1", "MOVED_AWAY"))
                .expectEvents(
                        new FundingReleasedEvent(ID, "GM0406", "R-1", Phase.BABY, true, Money.eur(80), "MOVED_AWAY",
                                TODAY, NOW),
                        reserved("R-2", true));
    }

    @Test
    void shouldTakeAHeldReferralOutOfTheQueueWhenCancelled() {
        fixture.given(registered(1, null), reserved("R-1"), capWarning(80, 1, 1), capWarning(100, 1, 1),
                        held("R-2", HoldReason.CAP_REACHED))
                .when(new ReleaseFundingCommand(ID, "R-2", "MOVED_AWAY"))
                .expectEvents(new FundingReleasedEvent(ID, "GM0406", "R-2", Phase.BABY, false, Money.ZERO,
                        "MOVED_AWAY", TODAY, NOW));
    }

    @Test
    void shouldFundACheaperReferralThatWaitedBehindOneThatIsCancelledWhileWaiting() {
        // found by ContractCapPropertyTest: R-3 (baby, 80) blocks the queue on budget; R-4 (toddler, 50) fits
        // once R-3 is gone, and must not wait for the next amendment or cancellation
        ContractTerms prices = new ContractTerms("GM0406", LocalDate.of(2026, 2, 1), LocalDate.of(2027, 1, 31),
                Money.eur(80), Money.eur(50), null, Money.eur(220), InvoicePeriod.MONTHLY);
        fixture.given(new ContractRegisteredEvent(ID, prices, INVOICING, "coordinator", NOW), reserved("R-1"),
                        reserved("R-2"), held("R-3", HoldReason.BUDGET_EXHAUSTED),
                        new FundingPutOnHoldEvent(ID, "GM0406", "R-4", Phase.TODDLER, REFERRAL_DATE,
                                HoldReason.BUDGET_EXHAUSTED, TODAY, NOW))
                .when(new ReleaseFundingCommand(ID, "R-3", "MOVED_AWAY"))
                .expectEvents(
                        new FundingReleasedEvent(ID, "GM0406", "R-3", Phase.BABY, false, Money.ZERO, "MOVED_AWAY",
                                TODAY, NOW),
                        new FundingReservedEvent(ID, "GM0406", "R-4", Phase.TODDLER, REFERRAL_DATE, Money.eur(50),
                                true, TODAY, NOW),
                        new UsageThresholdReachedEvent(ID, "GM0406", UsageMeasure.BUDGET, 80, new BigDecimal("210.00"),
                                new BigDecimal("220.00"), NOW));
    }

    @Test
    void shouldReleaseNothingWhenCancelledAfterDelivery() {
        fixture.given(registered(125, null), reserved("R-1"),
                        new BillableLineRecordedEvent(ID, "GM0406", "R-1", Phase.BABY, TODAY, Money.eur(80), NOW))
                .when(new ReleaseFundingCommand(ID, "R-1", "TOO_LATE"))
                .expectNoEvents();
    }

    @Test
    void shouldWarnOnceWhenUsagePassesEightyPercentOfTheCap() {
        fixture.given(registered(5, null), reserved("R-1"), reserved("R-2"), reserved("R-3"))
                .when(reserve("R-4"))
                .expectEvents(reserved("R-4"), capWarning(80, 4, 5));
    }

    @Test
    void shouldNotWarnAgainWhenTheThresholdWasReported() {
        fixture.given(registered(10, null), reserved("R-1"), reserved("R-2"), reserved("R-3"), reserved("R-4"),
                        reserved("R-5"), reserved("R-6"), reserved("R-7"), reserved("R-8"), capWarning(80, 8, 10))
                .when(reserve("R-9"))
                .expectEvents(reserved("R-9"));
    }

    @Test
    void shouldWarnAgainAfterAnAmendmentRaisedTheCap() {
        fixture.given(registered(5, null), reserved("R-1"), reserved("R-2"), reserved("R-3"), reserved("R-4"),
                        capWarning(80, 4, 5),
                        new ContractAmendedEvent(ID, "GM0406", LocalDate.of(2026, 2, 1), 10, null,
                                LocalDate.of(2027, 1, 31), 5, null, LocalDate.of(2027, 1, 31), "finance", "More", NOW),
                        reserved("R-5"), reserved("R-6"), reserved("R-7"))
                .when(reserve("R-8"))
                .expectEvents(reserved("R-8"), capWarning(80, 8, 10));
    }

    @Test
    void shouldChangeOnlyTheInvoicingDetailsWhenRegisteredAgainWithOtherOnes() {
        InvoicingDetails other = new InvoicingDetails(new InvoiceRecipient("Gemeente Huizen", "Postbus 5", "1270 AA",
                "Huizen", "NL", "PO-2026-17", "PO-2026-17", "0190", "00000001234567890000"),
                new VatTreatment("S", new BigDecimal("21"), null));
        fixture.given(registered(125, Money.eur(10_000)))
                .when(new RegisterContractCommand(ID, terms(125, Money.eur(10_000)), other, "finance"))
                .expectEvents(new InvoicingDetailsChangedEvent(ID, other, "finance", NOW));
    }

    @Test
    void shouldRefuseAnExemptionWithoutItsText() {
        InvoicingDetails noText = new InvoicingDetails(InvoiceRecipient.defaultFor("Huizen", ID),
                new VatTreatment("E", BigDecimal.ZERO, " "));
        fixture.givenNoPriorActivity()
                .when(new RegisterContractCommand(ID, terms(125, null), noText, "finance"))
                .expectException(ContractRuleViolation.class);
    }

    static BillableLineRecordedEvent line(String referralId, LocalDate deliveredOn) {
        return new BillableLineRecordedEvent(ID, "GM0406", referralId, Phase.BABY, deliveredOn, Money.eur(80), NOW);
    }

    static InvoiceLine invoiceLine(String referralId, LocalDate deliveredOn) {
        return new InvoiceLine(referralId, Phase.BABY, deliveredOn, Money.eur(80));
    }

    static final LocalDate FEB_END = LocalDate.of(2026, 2, 28);

    @Test
    void shouldInvoiceTheLinesDeliveredUpToThePeriodEndWhenThePeriodIsClosed() {
        fixture.given(registered(125, null), reserved("R-1"), reserved("R-2"), reserved("R-3"),
                        line("R-2", LocalDate.of(2026, 2, 20)), line("R-1", LocalDate.of(2026, 2, 10)),
                        line("R-3", LocalDate.of(2026, 3, 1)))
                .when(new CloseInvoicePeriodCommand(ID, FEB_END, "finance"))
                .expectEvents(new InvoicePeriodClosedEvent(ID, "GM0406", "INV-" + ID + "-20260228",
                        LocalDate.of(2026, 2, 1), FEB_END,
                        List.of(invoiceLine("R-1", LocalDate.of(2026, 2, 10)), invoiceLine("R-2", LocalDate.of(2026, 2, 20))),
                        INVOICING, "finance", NOW))
                .expectResultMessagePayload(new InvoicePeriodResult("INV-" + ID + "-20260228", true));
    }

    @Test
    void shouldAnswerTheSameInvoiceWhenTheSamePeriodIsAskedAgain() {
        fixture.given(registered(125, null), reserved("R-1"), line("R-1", LocalDate.of(2026, 2, 10)),
                        new InvoicePeriodClosedEvent(ID, "GM0406", "INV-x", LocalDate.of(2026, 2, 1), FEB_END,
                                List.of(invoiceLine("R-1", LocalDate.of(2026, 2, 10))), INVOICING, "finance", NOW),
                        reserved("R-2"), line("R-2", LocalDate.of(2026, 2, 27)))
                .when(new CloseInvoicePeriodCommand(ID, FEB_END, "finance"))
                .expectNoEvents()
                .expectResultMessagePayload(new InvoicePeriodResult("INV-x", false));
    }

    @Test
    void shouldInvoiceNothingWhenNoLineWaits() {
        fixture.given(registered(125, null), reserved("R-1"))
                .when(new CloseInvoicePeriodCommand(ID, FEB_END, "finance"))
                .expectNoEvents()
                .expectResultMessagePayload(null);
    }

    @Test
    void shouldRefuseWhenThePeriodHasNotEndedNamingTheLastDayThatCanBeInvoiced() {
        fixture.given(registered(125, null))
                .when(new CloseInvoicePeriodCommand(ID, TODAY, "finance"))
                .expectException(ContractRuleViolation.class)
                .expectExceptionMessage("Only a period that has ended can be invoiced: periodEnd must lie before today "
                        + "(2026-03-02): the last day that can be invoiced is 2026-03-01.");
    }

    @Test
    void shouldInvoiceUpToYesterday() {
        fixture.given(registered(125, null), reserved("R-1"), line("R-1", LocalDate.of(2026, 2, 10)))
                .when(new CloseInvoicePeriodCommand(ID, TODAY.minusDays(1), "finance"))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new InvoicePeriodResult("INV-" + ID + "-20260301", true));
    }

    @Test
    void shouldCheckTheInvoiceItWouldIssueAgainstTheEInvoiceRules() {
        fixture.given(registered(125, null), reserved("R-1"), line("R-1", LocalDate.of(2026, 2, 10)))
                .when(new CloseInvoicePeriodCommand(ID, FEB_END, "finance"))
                .expectSuccessfulHandlerExecution();

        org.assertj.core.api.Assertions.assertThat(rules.checked).singleElement().isEqualTo(new InvoicePeriodClosedEvent(ID,
                "GM0406", "INV-" + ID + "-20260228", LocalDate.of(2026, 2, 1), FEB_END,
                List.of(invoiceLine("R-1", LocalDate.of(2026, 2, 10))), INVOICING, "finance", NOW));
    }

    @Test
    void shouldCloseNothingWhenTheInvoiceBreaksAnEInvoiceRuleNamingTheRule() {
        rules.failures = List.of(NO_BUYER_ADDRESS);
        fixture.given(registered(125, null), reserved("R-1"), line("R-1", LocalDate.of(2026, 2, 10)))
                .when(new CloseInvoicePeriodCommand(ID, FEB_END, "finance"))
                .expectNoEvents()
                .expectException(EInvoiceRefused.class)
                .expectExceptionMessage(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("The invoice breaks 1 rule"),
                        org.hamcrest.Matchers.containsString("PEPPOL-EN16931-R010 Buyer electronic address MUST be provided"
                                + " — add the municipality's electronic address")));
    }

    @Test
    void shouldInvoiceTheLinesOfARefusedInvoiceOnceTheDocumentPasses() {
        rules.failures = List.of(NO_BUYER_ADDRESS);
        fixture.given(registered(125, null), reserved("R-1"), line("R-1", LocalDate.of(2026, 2, 10)))
                .when(new CloseInvoicePeriodCommand(ID, FEB_END, "finance"))
                .expectException(EInvoiceRefused.class);
        rules.failures = List.of();
        InvoicingDetails complete = new InvoicingDetails(new InvoiceRecipient("Gemeente Huizen", "Postbus 5", "1270 AA",
                "Huizen", "NL", ID, null, "0190", "00000001000000406000"), INVOICING.vat());

        fixture.given(registered(125, null), reserved("R-1"), line("R-1", LocalDate.of(2026, 2, 10)),
                        new InvoicingDetailsChangedEvent(ID, complete, "coordinator", NOW))
                .when(new CloseInvoicePeriodCommand(ID, FEB_END, "finance"))
                .expectEvents(new InvoicePeriodClosedEvent(ID, "GM0406", "INV-" + ID + "-20260228", LocalDate.of(2026, 2, 1),
                        FEB_END, List.of(invoiceLine("R-1", LocalDate.of(2026, 2, 10))), complete, "finance", NOW));
    }

    @Test
    void shouldCreditNothingWhenTheCreditNoteBreaksAnEInvoiceRule() {
        rules.failures = List.of(NO_BUYER_ADDRESS);
        fixture.given(registered(125, null), reserved("R-1"), line("R-1", LocalDate.of(2026, 2, 10)),
                        new InvoicePeriodClosedEvent(ID, "GM0406", "INV-x", LocalDate.of(2026, 2, 1), FEB_END,
                                List.of(invoiceLine("R-1", LocalDate.of(2026, 2, 10))), INVOICING, "finance", NOW))
                .when(new CreditInvoiceCommand(ID, "INV-x", null, "Wrong PO number", "finance"))
                .expectNoEvents()
                .expectException(EInvoiceRefused.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("The credit note breaks 1 rule"));
    }

    @Test
    void shouldTakeTheLinesBackWhenTheInvoiceIsCredited() {
        fixture.given(registered(125, null), reserved("R-1"), line("R-1", LocalDate.of(2026, 2, 10)),
                        new InvoicePeriodClosedEvent(ID, "GM0406", "INV-x", LocalDate.of(2026, 2, 1), FEB_END,
                                List.of(invoiceLine("R-1", LocalDate.of(2026, 2, 10))), INVOICING, "finance", NOW))
                .when(new CreditInvoiceCommand(ID, "INV-x", null, "Wrong PO number", "finance"))
                .expectEvents(new InvoiceCreditedEvent(ID, "GM0406", "INV-x", "CN-x-1",
                        List.of(invoiceLine("R-1", LocalDate.of(2026, 2, 10))), INVOICING, "Wrong PO number", "finance", NOW))
                .expectResultMessagePayload("CN-x-1");
    }

    @Test
    void shouldIssueANewInvoiceForTheSamePeriodWhenTheFirstWasCredited() {
        fixture.given(registered(125, null), reserved("R-1"), line("R-1", LocalDate.of(2026, 2, 10)),
                        new InvoicePeriodClosedEvent(ID, "GM0406", "INV-" + ID + "-20260228", LocalDate.of(2026, 2, 1), FEB_END,
                                List.of(invoiceLine("R-1", LocalDate.of(2026, 2, 10))), INVOICING, "finance", NOW),
                        new InvoiceCreditedEvent(ID, "GM0406", "INV-" + ID + "-20260228", "CN-1",
                                List.of(invoiceLine("R-1", LocalDate.of(2026, 2, 10))), INVOICING, "Wrong PO", "finance", NOW))
                .when(new CloseInvoicePeriodCommand(ID, FEB_END, "finance"))
                .expectResultMessagePayload(new InvoicePeriodResult("INV-" + ID + "-20260228-2", true));
    }

    @Test
    void shouldRefuseToCreditALineTwice() {
        fixture.given(registered(125, null), reserved("R-1"), line("R-1", LocalDate.of(2026, 2, 10)),
                        new InvoicePeriodClosedEvent(ID, "GM0406", "INV-x", LocalDate.of(2026, 2, 1), FEB_END,
                                List.of(invoiceLine("R-1", LocalDate.of(2026, 2, 10))), INVOICING, "finance", NOW),
                        new InvoiceCreditedEvent(ID, "GM0406", "INV-x", "CN-x-1",
                                List.of(invoiceLine("R-1", LocalDate.of(2026, 2, 10))), INVOICING, "Wrong", "finance", NOW))
                .when(new CreditInvoiceCommand(ID, "INV-x", List.of("R-1"), "Again", "finance"))
                .expectException(ContractRuleViolation.class);
    }

    @Test
    void shouldRecordOneBillableLineAtThePhasePriceWhenDelivered() {
        fixture.given(registered(125, Money.eur(10_000)), reserved("R-1"))
                .when(new RecordDeliveryCommand(ID, "R-1", Phase.BABY, TODAY))
                .expectEvents(new BillableLineRecordedEvent(ID, "GM0406", "R-1", Phase.BABY, TODAY, Money.eur("80.00"), NOW));
    }

    @Test
    void shouldRecordNothingWhenTheDeliveryIsRedelivered() {
        fixture.given(registered(125, null), reserved("R-1"),
                        new BillableLineRecordedEvent(ID, "GM0406", "R-1", Phase.BABY, TODAY, Money.eur(80), NOW))
                .when(new RecordDeliveryCommand(ID, "R-1", Phase.BABY, TODAY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldNotBillADeliveryWithoutReservation() {
        fixture.given(registered(1, null), reserved("R-1"), held("R-2", HoldReason.CAP_REACHED))
                .when(new RecordDeliveryCommand(ID, "R-2", Phase.BABY, TODAY))
                .expectEvents(new DeliveryNotBillableEvent(ID, "GM0406", "R-2", Phase.BABY, TODAY, "ON_HOLD", NOW));
    }

    // --- deliveries from before Startpakket (referral-service's import of history, ADR 0009)

    static RecordHistoricDeliveryCommand historic(String referralId, LocalDate deliveredOn) {
        return new RecordHistoricDeliveryCommand(ID, referralId, Phase.BABY, deliveredOn);
    }

    @Test
    void shouldBillAHistoricDeliveryAtTheContractPriceWithoutAFundingSlotWhenThereIsRoom() {
        fixture.given(registered(125, null))
                .when(historic("R-h1", LocalDate.of(2026, 2, 10)))
                .expectEvents(line("R-h1", LocalDate.of(2026, 2, 10)));
    }

    @Test
    void shouldBillAHistoricDeliveryOnlyOnce() {
        fixture.given(registered(125, null), line("R-h1", LocalDate.of(2026, 2, 10)))
                .when(historic("R-h1", LocalDate.of(2026, 2, 10)))
                .expectNoEvents();
    }

    @Test
    void shouldHoldAHistoricDeliveryOverTheCapAndBillItWhenAnAmendmentMakesRoom() {
        fixture.given(registered(1, null), reserved("R-1"))
                .when(historic("R-h1", LocalDate.of(2026, 2, 10)))
                .expectEvents(new HistoricDeliveryHeldEvent(ID, "GM0406", "R-h1", Phase.BABY, LocalDate.of(2026, 2, 10),
                        HoldReason.CAP_REACHED, NOW));
        fixture.given(registered(1, null), reserved("R-1"),
                        new HistoricDeliveryHeldEvent(ID, "GM0406", "R-h1", Phase.BABY, LocalDate.of(2026, 2, 10),
                                HoldReason.CAP_REACHED, NOW))
                .when(new AmendContractCommand(ID, 2, null, null, "finance", "History of 2026 billed"))
                .expectEvents(new ContractAmendedEvent(ID, "GM0406", LocalDate.of(2026, 2, 1), 2, null, LocalDate.of(2027, 1, 31),
                                1, null, LocalDate.of(2027, 1, 31), "finance", "History of 2026 billed", NOW),
                        line("R-h1", LocalDate.of(2026, 2, 10)),
                        capWarning(80, 2, 2),
                        capWarning(100, 2, 2));
    }

    @Test
    void shouldCountABilledHistoricDeliveryAgainstTheCap() {
        fixture.given(registered(1, null), line("R-h1", LocalDate.of(2026, 2, 10)))
                .when(reserve("R-1"))
                .expectEvents(held("R-1", HoldReason.CAP_REACHED));
    }

    @Test
    void shouldInvoiceABilledHistoricDeliveryLikeAnyLine() {
        fixture.given(registered(125, null), line("R-h1", LocalDate.of(2026, 2, 10)))
                .when(new CloseInvoicePeriodCommand(ID, FEB_END, "finance"))
                .expectEvents(new InvoicePeriodClosedEvent(ID, "GM0406", "INV-" + ID + "-20260228", LocalDate.of(2026, 2, 1), FEB_END,
                        List.of(invoiceLine("R-h1", LocalDate.of(2026, 2, 10))), INVOICING, "finance", NOW));
    }
}
