package nl.startpakket.fulfilment.command.job;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import nl.startpakket.fulfilment.api.Actor;
import nl.startpakket.fulfilment.api.CancelJobCommand;
import nl.startpakket.fulfilment.api.CancellationCause;
import nl.startpakket.fulfilment.api.ClaimJobCommand;
import nl.startpakket.fulfilment.api.ConfirmDeliveryCommand;
import nl.startpakket.events.SealedData;
import nl.startpakket.fulfilment.api.DeliveryDetailsRecordedEvent;
import nl.startpakket.fulfilment.api.DeliveryPersonalData;
import nl.startpakket.fulfilment.api.FundingRecordedEvent;
import nl.startpakket.fulfilment.api.ExceptionKind;
import nl.startpakket.fulfilment.api.HandOverCommand;
import nl.startpakket.fulfilment.api.ItemQuantity;
import nl.startpakket.fulfilment.api.JobExceptionReportedEvent;
import nl.startpakket.fulfilment.api.JobResumedEvent;
import nl.startpakket.fulfilment.api.JobClaimedEvent;
import nl.startpakket.fulfilment.api.JobDeadlineChangedEvent;
import nl.startpakket.fulfilment.api.JobReleasedEvent;
import nl.startpakket.fulfilment.api.JobStatus;
import nl.startpakket.fulfilment.api.MarkPackedCommand;
import nl.startpakket.fulfilment.api.PackageDeliveredEvent;
import nl.startpakket.fulfilment.api.PackageHandedOverEvent;
import nl.startpakket.fulfilment.api.PackagePackedEvent;
import nl.startpakket.fulfilment.api.PackingJobCancelledEvent;
import nl.startpakket.fulfilment.api.PackingJobQueuedEvent;
import nl.startpakket.fulfilment.api.PackingJobRefusal;
import nl.startpakket.fulfilment.api.Recipient;
import nl.startpakket.fulfilment.api.RecordDeliveryDetailsCommand;
import nl.startpakket.fulfilment.api.RecordFundingCommand;
import nl.startpakket.fulfilment.api.ReleaseJobCommand;
import nl.startpakket.fulfilment.api.ReleaseReason;
import nl.startpakket.fulfilment.api.ReleaseStaleClaimCommand;
import nl.startpakket.fulfilment.api.ReportExceptionCommand;
import nl.startpakket.fulfilment.api.ResumeJobCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PackingJobTest {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final String REFERRAL = "R-1";
    static final String JOB = "J-R-1";
    static final Recipient RECIPIENT = new Recipient("A. de Vries", "Kerkstraat", "1", "1271 AA", "Huizen", null, null);
    static final LocalDate DUE = LocalDate.of(2026, 6, 1);
    static final List<ItemQuantity> ITEMS = List.of(new ItemQuantity("romper-50-56", 4), new ItemQuantity("baby-care-set", 1));

    FixtureConfiguration<PackingJob> fixture;
    InMemoryDeliveryDetailsOpener opener;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PackingJob.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZONE));
        fixture.registerInjectableResource(new DeadlinePolicy(Period.ofWeeks(4), 14));
        opener = new InMemoryDeliveryDetailsOpener();
        fixture.registerInjectableResource(opener);
    }

    static RecordFundingCommand fund(Phase phase) {
        return new RecordFundingCommand(JOB, REFERRAL, "huizen-2026", "GM0406", phase, TODAY);
    }

    static FundingRecordedEvent funded(Phase phase) {
        return new FundingRecordedEvent(JOB, REFERRAL, "huizen-2026", "GM0406", phase, TODAY, NOW);
    }

    static SealedData babySealed(LocalDate due) {
        return InMemoryDeliveryDetailsOpener.seal(REFERRAL, new DeliveryPersonalData(due, null, RECIPIENT, null));
    }

    static RecordDeliveryDetailsCommand details(LocalDate due) {
        return new RecordDeliveryDetailsCommand(JOB, REFERRAL, "GM0406", Phase.BABY, DeliveryMethod.HOME_DELIVERY, babySealed(due));
    }

    static DeliveryDetailsRecordedEvent detailsRecorded(LocalDate due) {
        return new DeliveryDetailsRecordedEvent(JOB, REFERRAL, "GM0406", Phase.BABY, DeliveryMethod.HOME_DELIVERY, babySealed(due), NOW);
    }

    static DeliveryDetailsRecordedEvent toddlerDetails() {
        return new DeliveryDetailsRecordedEvent(JOB, REFERRAL, "GM0406", Phase.TODDLER, DeliveryMethod.PICKUP_BY_INTERMEDIARY,
                InMemoryDeliveryDetailsOpener.seal(REFERRAL, new DeliveryPersonalData(null, LocalDate.of(2025, 5, 1), RECIPIENT, null)),
                NOW);
    }

    static PackingJobQueuedEvent queued(LocalDate deadline) {
        return new PackingJobQueuedEvent(JOB, REFERRAL, "GM0406", Phase.BABY, DeliveryMethod.HOME_DELIVERY, deadline, NOW);
    }

    static final Object[] QUEUED_BABY = {funded(Phase.BABY), detailsRecorded(DUE), queued(DUE.minusWeeks(4))};

    static Object[] claimedBy(String volunteer) {
        return new Object[] {QUEUED_BABY[0], QUEUED_BABY[1], QUEUED_BABY[2], new JobClaimedEvent(JOB, REFERRAL, volunteer, NOW)};
    }

    static Object[] packed() {
        Object[] claimed = claimedBy("volunteer");
        return new Object[] {claimed[0], claimed[1], claimed[2], claimed[3],
                new PackagePackedEvent(JOB, REFERRAL, "GM0406", Phase.BABY, "volunteer", TODAY, "baby-girl", ITEMS, NOW)};
    }

    static Object[] handedOver() {
        Object[] packed = packed();
        return new Object[] {packed[0], packed[1], packed[2], packed[3], packed[4],
                new PackageHandedOverEvent(JOB, REFERRAL, "GM0406", Phase.BABY, DeliveryMethod.HOME_DELIVERY, "3S-123",
                        "volunteer", TODAY, 91, NOW)};
    }

    @Test
    void shouldWaitForDeliveryDetailsWhenFundingComesFirst() {
        fixture.givenNoPriorActivity()
                .when(fund(Phase.BABY))
                .expectSuccessfulHandlerExecution()
                .expectEvents(funded(Phase.BABY));
    }

    @Test
    void shouldQueueWithDeadlineFourWeeksBeforeDueDateWhenDetailsCompleteFunding() {
        fixture.given(funded(Phase.BABY))
                .when(details(DUE))
                .expectEvents(detailsRecorded(DUE), queued(LocalDate.of(2026, 5, 4)));
    }

    @Test
    void shouldQueueWhenFundingCompletesDetailsThatCameFirst() {
        fixture.given(detailsRecorded(DUE))
                .when(fund(Phase.BABY))
                .expectEvents(funded(Phase.BABY), queued(LocalDate.of(2026, 5, 4)));
    }

    @Test
    void shouldNotSetADeadlineBeforeTodayWhenTheDueDateIsNear() {
        LocalDate soon = TODAY.plusWeeks(1);
        fixture.given(funded(Phase.BABY))
                .when(details(soon))
                .expectEvents(detailsRecorded(soon), queued(TODAY));
    }

    @Test
    void shouldSetTheToddlerDeadlineDaysAfterFundingWhenQueued() {
        fixture.given(toddlerDetails())
                .when(fund(Phase.TODDLER))
                .expectEvents(funded(Phase.TODDLER), new PackingJobQueuedEvent(JOB, REFERRAL, "GM0406", Phase.TODDLER,
                        DeliveryMethod.PICKUP_BY_INTERMEDIARY, TODAY.plusDays(14), NOW));
    }

    @Test
    void shouldChangeNothingWhenFundingIsRedelivered() {
        fixture.given(QUEUED_BABY)
                .when(fund(Phase.BABY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldChangeNothingWhenTheSameDetailsAreRedelivered() {
        fixture.given(QUEUED_BABY)
                .when(details(DUE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldMoveTheDeadlineWhenAmendedDetailsChangeTheDueDate() {
        LocalDate later = DUE.plusWeeks(2);
        fixture.given(QUEUED_BABY)
                .when(details(later))
                .expectEvents(detailsRecorded(later), new JobDeadlineChangedEvent(JOB, REFERRAL, later.minusWeeks(4), NOW));
    }

    @Test
    void shouldClaimForTheVolunteerWhenQueued() {
        fixture.given(QUEUED_BABY)
                .when(new ClaimJobCommand(JOB, Actor.volunteer("volunteer")))
                .expectEvents(new JobClaimedEvent(JOB, REFERRAL, "volunteer", NOW));
    }

    @Test
    void shouldRefuseASecondClaimNamingTheHolderWhenClaimedByAnother() {
        fixture.given(claimedBy("volunteer"))
                .when(new ClaimJobCommand(JOB, Actor.volunteer("volunteer2")))
                .expectException(PackingJobRefusal.class)
                .expectExceptionMessage("Job J-R-1 is held by volunteer.")
                .expectNoEvents();
    }

    @Test
    void shouldChangeNothingWhenTheHolderClaimsAgain() {
        fixture.given(claimedBy("volunteer"))
                .when(new ClaimJobCommand(JOB, Actor.volunteer("volunteer")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldRefuseAClaimWhenNotYetQueued() {
        fixture.given(funded(Phase.BABY))
                .when(new ClaimJobCommand(JOB, Actor.volunteer("volunteer")))
                .expectException(PackingJobRefusal.class);
    }

    @Test
    void shouldReturnToTheQueueWhenTheHolderReleases() {
        fixture.given(claimedBy("volunteer"))
                .when(new ReleaseJobCommand(JOB, Actor.volunteer("volunteer")))
                .expectEvents(new JobReleasedEvent(JOB, REFERRAL, "volunteer", "volunteer", ReleaseReason.GIVEN_BACK, NOW));
    }

    @Test
    void shouldRefuseReleaseWhenAnotherVolunteerHoldsTheJob() {
        fixture.given(claimedBy("volunteer"))
                .when(new ReleaseJobCommand(JOB, Actor.volunteer("volunteer2")))
                .expectException(PackingJobRefusal.class);
    }

    @Test
    void shouldLetACoordinatorReleaseAnotherVolunteersClaim() {
        fixture.given(claimedBy("volunteer"))
                .when(new ReleaseJobCommand(JOB, Actor.coordinator("coordinator")))
                .expectEvents(new JobReleasedEvent(JOB, REFERRAL, "volunteer", "coordinator", ReleaseReason.BY_COORDINATOR, NOW));
    }

    @Test
    void shouldMarkPackedWhenTheHolderFinishes() {
        fixture.given(claimedBy("volunteer"))
                .when(new MarkPackedCommand(JOB, Actor.volunteer("volunteer"), "baby-girl", ITEMS))
                .expectEvents(new PackagePackedEvent(JOB, REFERRAL, "GM0406", Phase.BABY, "volunteer", TODAY, "baby-girl", ITEMS, NOW));
    }

    @Test
    void shouldRefusePackingWhenAnotherVolunteerHoldsTheJob() {
        fixture.given(claimedBy("volunteer"))
                .when(new MarkPackedCommand(JOB, Actor.volunteer("volunteer2")))
                .expectException(PackingJobRefusal.class);
    }

    @Test
    void shouldRefusePackingWhenNotClaimed() {
        fixture.given(QUEUED_BABY)
                .when(new MarkPackedCommand(JOB, Actor.volunteer("volunteer")))
                .expectException(PackingJobRefusal.class);
    }

    @Test
    void shouldHandOverForHomeDeliveryWithDaysBeforeDueDateWhenPacked() {
        fixture.given(packed())
                .when(new HandOverCommand(JOB, Actor.volunteer("volunteer"), null, "3S-123"))
                .expectEvents(new PackageHandedOverEvent(JOB, REFERRAL, "GM0406", Phase.BABY, DeliveryMethod.HOME_DELIVERY,
                        "3S-123", "volunteer", TODAY, 91, NOW));
    }

    @Test
    void shouldRefuseHomeDeliveryWithoutCarrierReference() {
        fixture.given(packed())
                .when(new HandOverCommand(JOB, Actor.volunteer("volunteer"), DeliveryMethod.HOME_DELIVERY, " "))
                .expectException(PackingJobRefusal.class);
    }

    @Test
    void shouldHandOverToTheIntermediaryWithoutCarrierReference() {
        fixture.given(packed())
                .when(new HandOverCommand(JOB, Actor.volunteer("volunteer2"), DeliveryMethod.PICKUP_BY_INTERMEDIARY, null))
                .expectEvents(new PackageHandedOverEvent(JOB, REFERRAL, "GM0406", Phase.BABY,
                        DeliveryMethod.PICKUP_BY_INTERMEDIARY, null, "volunteer2", TODAY, 91, NOW));
    }

    @Test
    void shouldRefuseHandOverWhenNotPacked() {
        fixture.given(claimedBy("volunteer"))
                .when(new HandOverCommand(JOB, Actor.volunteer("volunteer"), DeliveryMethod.PICKUP_BY_INTERMEDIARY, null))
                .expectException(PackingJobRefusal.class);
    }

    @Test
    void shouldConfirmDeliveryTodayWhenHandedOver() {
        fixture.given(handedOver())
                .when(new ConfirmDeliveryCommand(JOB, Actor.volunteer("volunteer"), null))
                .expectEvents(new PackageDeliveredEvent(JOB, REFERRAL, "GM0406", Phase.BABY, TODAY, "volunteer", NOW));
    }

    @Test
    void shouldRefuseADeliveryDateInTheFuture() {
        fixture.given(handedOver())
                .when(new ConfirmDeliveryCommand(JOB, Actor.volunteer("volunteer"), TODAY.plusDays(1)))
                .expectException(PackingJobRefusal.class);
    }

    @Test
    void shouldRefuseDeliveryWhenNotHandedOver() {
        fixture.given(packed())
                .when(new ConfirmDeliveryCommand(JOB, Actor.volunteer("volunteer"), null))
                .expectException(PackingJobRefusal.class);
    }

    @Test
    void shouldCancelAndTellTheHolderWhenTheReferralIsCancelled() {
        fixture.given(claimedBy("volunteer"))
                .when(new CancelJobCommand(JOB, REFERRAL, CancellationCause.REFERRAL_CANCELLED, "NO_LONGER_NEEDED"))
                .expectEvents(new PackingJobCancelledEvent(JOB, REFERRAL, CancellationCause.REFERRAL_CANCELLED,
                        "NO_LONGER_NEEDED", JobStatus.CLAIMED, "volunteer", false, List.of(), NOW));
    }

    @Test
    void shouldRestockWhenAPackedJobIsCancelled() {
        fixture.given(packed())
                .when(new CancelJobCommand(JOB, REFERRAL, CancellationCause.FUNDING_RELEASED, "REFERRAL_CANCELLED"))
                .expectEvents(new PackingJobCancelledEvent(JOB, REFERRAL, CancellationCause.FUNDING_RELEASED,
                        "REFERRAL_CANCELLED", JobStatus.PACKED, "volunteer", true, ITEMS, NOW));
    }

    @Test
    void shouldChangeNothingWhenACancellationIsRedelivered() {
        fixture.given(funded(Phase.BABY), new PackingJobCancelledEvent(JOB, REFERRAL, CancellationCause.REFERRAL_CANCELLED,
                        "x", JobStatus.PENDING, null, false, List.of(), NOW))
                .when(new CancelJobCommand(JOB, REFERRAL, CancellationCause.FUNDING_RELEASED, "x"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldNotCancelWhenThePackageWasAlreadyHandedOver() {
        fixture.given(handedOver())
                .when(new CancelJobCommand(JOB, REFERRAL, CancellationCause.REFERRAL_CANCELLED, "x"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldRememberACancellationThatArrivesBeforeAnythingElse() {
        fixture.givenNoPriorActivity()
                .when(new CancelJobCommand(JOB, REFERRAL, CancellationCause.REFERRAL_CANCELLED, "x"))
                .expectEvents(new PackingJobCancelledEvent(JOB, REFERRAL, CancellationCause.REFERRAL_CANCELLED, "x",
                        JobStatus.PENDING, null, false, List.of(), NOW));
    }

    @Test
    void shouldIgnoreLateFundingWhenAlreadyCancelled() {
        fixture.given(new PackingJobCancelledEvent(JOB, REFERRAL, CancellationCause.REFERRAL_CANCELLED, "x",
                        JobStatus.PENDING, null, false, List.of(), NOW))
                .when(fund(Phase.BABY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldRefuseAnItemWithoutPositiveQuantityWhenPacking() {
        fixture.given(claimedBy("volunteer"))
                .when(new MarkPackedCommand(JOB, Actor.volunteer("volunteer"), "baby-girl", List.of(new ItemQuantity("romper-50-56", 0))))
                .expectException(PackingJobRefusal.class);
    }

    @Test
    void shouldReleaseAStaleClaimWhenClaimedBeforeTheCutoff() {
        fixture.given(claimedBy("volunteer"))
                .when(new ReleaseStaleClaimCommand(JOB, NOW.plusSeconds(1)))
                .expectEvents(new JobReleasedEvent(JOB, REFERRAL, "volunteer", "system", ReleaseReason.STALE, NOW));
    }

    @Test
    void shouldKeepAClaimWhenItWasMadeAfterTheCutoff() {
        fixture.given(claimedBy("volunteer"))
                .when(new ReleaseStaleClaimCommand(JOB, NOW.minusSeconds(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldIgnoreAStaleReleaseWhenAlreadyPacked() {
        fixture.given(packed())
                .when(new ReleaseStaleClaimCommand(JOB, NOW.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldParkTheJobWithReasonWhenTheFamilyIsNotReachable() {
        fixture.given(QUEUED_BABY)
                .when(new ReportExceptionCommand(JOB, Actor.volunteer("volunteer"), ExceptionKind.NOT_REACHABLE, " no answer 3x "))
                .expectEvents(new JobExceptionReportedEvent(JOB, REFERRAL, ExceptionKind.NOT_REACHABLE, "no answer 3x",
                        JobStatus.QUEUED, "volunteer", NOW));
    }

    @Test
    void shouldRefuseAnExceptionWithoutReason() {
        fixture.given(QUEUED_BABY)
                .when(new ReportExceptionCommand(JOB, Actor.volunteer("volunteer"), ExceptionKind.ADDRESS_UNKNOWN, " "))
                .expectException(PackingJobRefusal.class);
    }

    @Test
    void shouldRefuseAReturnWhenThePackageNeverLeft() {
        fixture.given(packed())
                .when(new ReportExceptionCommand(JOB, Actor.volunteer("volunteer"), ExceptionKind.RETURNED, "back"))
                .expectException(PackingJobRefusal.class);
    }

    @Test
    void shouldRefuseAnExceptionOnAJobHeldByAnother() {
        fixture.given(claimedBy("volunteer"))
                .when(new ReportExceptionCommand(JOB, Actor.volunteer("volunteer2"), ExceptionKind.ADDRESS_UNKNOWN, "x"))
                .expectException(PackingJobRefusal.class);
    }

    @Test
    void shouldResumeIntoTheQueueWhenNothingWasPacked() {
        fixture.given(QUEUED_BABY).andGiven(new JobExceptionReportedEvent(JOB, REFERRAL, ExceptionKind.ADDRESS_UNKNOWN,
                        "no such street", JobStatus.QUEUED, "volunteer", NOW))
                .when(new ResumeJobCommand(JOB, Actor.coordinator("coordinator"), "address corrected"))
                .expectEvents(new JobResumedEvent(JOB, REFERRAL, JobStatus.QUEUED, "address corrected", "coordinator", NOW));
    }

    @Test
    void shouldResumeAsPackedWhenAReturnedPackageIsBack() {
        fixture.given(handedOver()).andGiven(new JobExceptionReportedEvent(JOB, REFERRAL, ExceptionKind.RETURNED,
                        "carrier returned it", JobStatus.HANDED_OVER, "volunteer", NOW))
                .when(new ResumeJobCommand(JOB, Actor.volunteer("volunteer"), null))
                .expectEvents(new JobResumedEvent(JOB, REFERRAL, JobStatus.PACKED, null, "volunteer", NOW));
    }

    @Test
    void shouldResumeAsHandedOverWhenThePackageIsStillOnItsWay() {
        fixture.given(handedOver()).andGiven(new JobExceptionReportedEvent(JOB, REFERRAL, ExceptionKind.NOT_REACHABLE,
                        "nobody home", JobStatus.HANDED_OVER, "volunteer", NOW))
                .when(new ResumeJobCommand(JOB, Actor.volunteer("volunteer"), "new appointment"))
                .expectEvents(new JobResumedEvent(JOB, REFERRAL, JobStatus.HANDED_OVER, "new appointment", "volunteer", NOW));
    }

    @Test
    void shouldRefuseResumeWhenThereIsNoException() {
        fixture.given(QUEUED_BABY)
                .when(new ResumeJobCommand(JOB, Actor.volunteer("volunteer"), null))
                .expectException(PackingJobRefusal.class);
    }

    @Test
    void shouldRestockTheItemsWhenAReturnedPackageIsCancelled() {
        fixture.given(handedOver()).andGiven(new JobExceptionReportedEvent(JOB, REFERRAL, ExceptionKind.RETURNED,
                        "returned", JobStatus.HANDED_OVER, "volunteer", NOW))
                .when(new CancelJobCommand(JOB, REFERRAL, CancellationCause.REFERRAL_CANCELLED, "MOVED_AWAY"))
                .expectEvents(new PackingJobCancelledEvent(JOB, REFERRAL, CancellationCause.REFERRAL_CANCELLED,
                        "MOVED_AWAY", JobStatus.EXCEPTION, null, true, ITEMS, NOW));
    }

    @Test
    void shouldChangeNothingWhenTheSameDetailsArriveSealedAgainUnderAnotherNonce() {
        SealedData again = new SealedData("TEST", REFERRAL, "other-nonce", babySealed(DUE).ciphertext());
        fixture.given(QUEUED_BABY)
                .when(new RecordDeliveryDetailsCommand(JOB, REFERRAL, "GM0406", Phase.BABY, DeliveryMethod.HOME_DELIVERY, again))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldFallBackToTheToddlerRuleWhenTheDueDateWasErasedBeforeQueueing() {
        opener.erased.add(REFERRAL);
        fixture.given(detailsRecorded(DUE))
                .when(fund(Phase.BABY))
                .expectEvents(funded(Phase.BABY), queued(TODAY.plusDays(14)));
    }

    @Test
    void shouldHandOverWithoutDaysBeforeDueDateWhenThePersonalDataWasErased() {
        opener.erased.add(REFERRAL);
        fixture.given(packed())
                .when(new HandOverCommand(JOB, Actor.volunteer("volunteer"), DeliveryMethod.PICKUP_BY_INTERMEDIARY, null))
                .expectEvents(new PackageHandedOverEvent(JOB, REFERRAL, "GM0406", Phase.BABY, DeliveryMethod.PICKUP_BY_INTERMEDIARY, null,
                        "volunteer", TODAY, null, NOW));
    }
}
