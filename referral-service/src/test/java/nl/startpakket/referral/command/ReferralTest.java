package nl.startpakket.referral.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import nl.startpakket.referral.api.AmendReferralCommand;
import nl.startpakket.referral.api.CancelReferralCommand;
import nl.startpakket.events.SealedData;
import nl.startpakket.referral.api.DuplicateHouseholdException;
import nl.startpakket.referral.api.EraseReferralDataCommand;
import nl.startpakket.referral.api.ErasureReason;
import nl.startpakket.referral.api.ReferralDataErasedEvent;
import nl.startpakket.referral.api.ReferralPersonalData;
import nl.startpakket.referral.api.ReferralAmendedEvent;
import nl.startpakket.referral.api.DeliveryDetails;
import nl.startpakket.referral.api.ParentDetails;
import nl.startpakket.referral.api.RecordReferralProgressCommand;
import nl.startpakket.referral.api.ReferralAcceptedEvent;
import nl.startpakket.referral.api.ReferralCancelledEvent;
import nl.startpakket.referral.api.ReferralOwnershipException;
import nl.startpakket.referral.api.ReferralProgressRecordedEvent;
import nl.startpakket.referral.api.ReferralRejectedEvent;
import nl.startpakket.referral.api.ReferralStateException;
import nl.startpakket.referral.api.FollowUpOpenedEvent;
import nl.startpakket.referral.api.FollowUpOutcome;
import nl.startpakket.referral.api.FollowUpOutcomeRecordedEvent;
import nl.startpakket.referral.api.FollowUpRefusedException;
import nl.startpakket.referral.api.RecordFollowUpOutcomeCommand;
import nl.startpakket.referral.api.ReferralStatus;
import nl.startpakket.referral.api.ReferralSubmittedEvent;
import nl.startpakket.referral.api.SubmissionOutcome;
import nl.startpakket.referral.api.SubmitReferralCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReferralTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:15:30Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final String ID = "R-1";
    static final String PARTNER = "verloskundige-huizen";
    static final String HOUSEHOLD = new HouseholdKeys("a-test-secret-of-enough-length").keyOf("1271 AB", "12a", LocalDate.of(2026, 6, 20));
    static final DeliveryDetails BABY_DETAILS = new DeliveryDetails(LocalDate.of(2026, 6, 20), null,
            new ParentDetails("A. Jansen", "Voorbeeldstraat", "12a", "1271 AB", "Huizen", null, null),
            DeliveryMethod.HOME_DELIVERY, null);

    static final HouseholdKeys KEYS = new HouseholdKeys("a-test-secret-of-enough-length");
    static final String HOUSEHOLD_KEY = KEYS.keyOf("1271 AB", "12a", LocalDate.of(2026, 6, 20));

    static final SealedData SEALED = sealed(BABY_DETAILS, HOUSEHOLD);

    FixtureConfiguration<Referral> fixture;
    InMemoryHouseholdRegistry households;
    InMemoryPersonalDataProtector protector;

    static SealedData sealed(DeliveryDetails details, String householdKey) {
        return InMemoryPersonalDataProtector.sealedOf(ID, new ReferralPersonalData(details, householdKey));
    }

    @BeforeEach
    void setUp() {
        households = new InMemoryHouseholdRegistry();
        protector = new InMemoryPersonalDataProtector();
        // what an earlier submission sealed
        protector.seal(ID, new ReferralPersonalData(BABY_DETAILS, HOUSEHOLD));
        fixture = new AggregateTestFixture<>(Referral.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam")));
        fixture.registerInjectableResource(households);
        fixture.registerInjectableResource(KEYS);
        fixture.registerInjectableResource(protector);
    }

    static SubmitReferralCommand submit(String id, String partner) {
        return new SubmitReferralCommand(id, partner, IntermediaryType.MIDWIFE, "GM0406", Phase.BABY, BABY_DETAILS, true, HOUSEHOLD);
    }

    static ReferralSubmittedEvent submitted(String id) {
        return new ReferralSubmittedEvent(id, PARTNER, IntermediaryType.MIDWIFE, "GM0406", Phase.BABY, TODAY,
                DeliveryMethod.HOME_DELIVERY, SEALED, true, NOW);
    }

    static ReferralAcceptedEvent accepted(String id) {
        return new ReferralAcceptedEvent(id, PARTNER, IntermediaryType.MIDWIFE, "GM0406", Phase.BABY, TODAY,
                DeliveryMethod.HOME_DELIVERY, SEALED, true, 25, NOW);
    }

    static ReferralProgressRecordedEvent progressed(ReferralStatus stage, String sourceEventId, boolean changed) {
        return new ReferralProgressRecordedEvent(ID, stage, NOW, sourceEventId, null, changed, NOW);
    }

    @Test
    void shouldSubmitAndAcceptWhenTheHouseholdIsNew() {
        fixture.givenNoPriorActivity()
                .when(submit(ID, PARTNER))
                .expectEvents(submitted(ID), accepted(ID))
                .expectResultMessagePayload(SubmissionOutcome.accepted(ID));
        assertThat(households.holds(HOUSEHOLD, Phase.BABY, ID)).isTrue();
    }

    @Test
    void shouldDerivePregnancyWeekAsFortyMinusWeeksUntilTheDueDateWhenBaby() {
        assertThat(Referral.pregnancyWeek(Phase.BABY, BABY_DETAILS, TODAY)).isEqualTo(40 - 15);
        assertThat(Referral.pregnancyWeek(Phase.TODDLER, BABY_DETAILS, TODAY)).isNull();
    }

    @Test
    void shouldRejectAsDuplicateWithTheFirstReferralsStatusWhenTheHouseholdIsTaken() {
        households.claim(HOUSEHOLD, Phase.BABY, "R-first");
        households.statuses.put("R-first", ReferralStatus.FUNDED);
        fixture.givenNoPriorActivity()
                .when(submit(ID, "consultatiebureau-huizen"))
                .expectEvents(
                        new ReferralSubmittedEvent(ID, "consultatiebureau-huizen", IntermediaryType.MIDWIFE, "GM0406", Phase.BABY,
                                TODAY, DeliveryMethod.HOME_DELIVERY, SEALED, true, NOW),
                        new ReferralRejectedEvent(ID, "consultatiebureau-huizen", IntermediaryType.MIDWIFE, "GM0406", Phase.BABY,
                                TODAY, "DUPLICATE", ReferralStatus.FUNDED, NOW))
                .expectResultMessagePayload(SubmissionOutcome.duplicate(ID, ReferralStatus.FUNDED));
        assertThat(households.holds(HOUSEHOLD, Phase.BABY, "R-first")).isTrue();
    }

    @Test
    void shouldAcceptTheOtherPhaseWhenTheHouseholdHasOnlyABabyReferral() {
        households.claim(HOUSEHOLD, Phase.BABY, "R-first");
        SubmitReferralCommand toddler = new SubmitReferralCommand(ID, PARTNER, IntermediaryType.MIDWIFE, "GM0406", Phase.TODDLER,
                new DeliveryDetails(null, LocalDate.of(2025, 9, 1), BABY_DETAILS.parent(), DeliveryMethod.HOME_DELIVERY, null),
                false, HOUSEHOLD);
        fixture.givenNoPriorActivity()
                .when(toddler)
                .expectResultMessagePayload(SubmissionOutcome.accepted(ID));
    }

    @Test
    void shouldCancelAndFreeTheHouseholdWhenTheOwnerCancels() {
        households.claim(HOUSEHOLD, Phase.BABY, ID);
        fixture.given(submitted(ID), accepted(ID))
                .when(new CancelReferralCommand(ID, PARTNER, "MOVED_AWAY"))
                .expectEvents(new ReferralCancelledEvent(ID, PARTNER, "GM0406", Phase.BABY, TODAY, "MOVED_AWAY", NOW));
        assertThat(households.claims).isEmpty();
    }

    @Test
    void shouldRefuseWhenAnotherPartnerCancels() {
        fixture.given(submitted(ID), accepted(ID))
                .when(new CancelReferralCommand(ID, "gemeente-heerlen", "MOVED_AWAY"))
                .expectException(ReferralOwnershipException.class)
                .expectNoEvents();
    }

    @Test
    void shouldChangeNothingWhenCancellingTwice() {
        fixture.given(submitted(ID), accepted(ID),
                        new ReferralCancelledEvent(ID, PARTNER, "GM0406", Phase.BABY, TODAY, "MOVED_AWAY", NOW))
                .when(new CancelReferralCommand(ID, PARTNER, "MOVED_AWAY"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldRefuseCancellingWhenDelivered() {
        fixture.given(submitted(ID), accepted(ID), progressed(ReferralStatus.DELIVERED, "e-9", true))
                .when(new CancelReferralCommand(ID, PARTNER, "MOVED_AWAY"))
                .expectException(ReferralStateException.class);
    }

    @Test
    void shouldRefuseCancellingWhenRejected() {
        fixture.given(submitted(ID), new ReferralRejectedEvent(ID, PARTNER, IntermediaryType.MIDWIFE, "GM0406", Phase.BABY, TODAY,
                        "DUPLICATE", ReferralStatus.ACCEPTED, NOW))
                .when(new CancelReferralCommand(ID, PARTNER, "MOVED_AWAY"))
                .expectException(ReferralStateException.class);
    }

    @Test
    void shouldMoveToFundedWhenFundingIsReserved() {
        fixture.given(submitted(ID), accepted(ID))
                .when(new RecordReferralProgressCommand(ID, ReferralStatus.FUNDED, NOW, "e-1", null))
                .expectEvents(progressed(ReferralStatus.FUNDED, "e-1", true));
    }

    @Test
    void shouldChangeNothingWhenTheSameEventIsDeliveredAgain() {
        fixture.given(submitted(ID), accepted(ID), progressed(ReferralStatus.FUNDED, "e-1", true))
                .when(new RecordReferralProgressCommand(ID, ReferralStatus.FUNDED, NOW, "e-1", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldOnlyAddHistoryWhenAnEarlierStageArrivesLate() {
        fixture.given(submitted(ID), accepted(ID), progressed(ReferralStatus.PACKING, "e-2", true))
                .when(new RecordReferralProgressCommand(ID, ReferralStatus.FUNDED, NOW, "e-1", null))
                .expectEvents(progressed(ReferralStatus.FUNDED, "e-1", false));
    }

    @Test
    void shouldMoveFromOnHoldToFundedWhenAnAmendmentReleasesTheReferral() {
        fixture.given(submitted(ID), accepted(ID), progressed(ReferralStatus.ON_HOLD, "e-1", true))
                .when(new RecordReferralProgressCommand(ID, ReferralStatus.FUNDED, NOW, "e-2", null))
                .expectEvents(progressed(ReferralStatus.FUNDED, "e-2", true));
    }

    @Test
    void shouldKeepFundedWhenOnHoldArrivesAfterFunding() {
        fixture.given(submitted(ID), accepted(ID), progressed(ReferralStatus.FUNDED, "e-2", true))
                .when(new RecordReferralProgressCommand(ID, ReferralStatus.ON_HOLD, NOW, "e-1", null))
                .expectEvents(progressed(ReferralStatus.ON_HOLD, "e-1", false));
    }

    @Test
    void shouldKeepCancelledWhenProgressArrivesAfterCancellation() {
        fixture.given(submitted(ID), accepted(ID), new ReferralCancelledEvent(ID, PARTNER, "GM0406", Phase.BABY, TODAY, "OTHER", NOW))
                .when(new RecordReferralProgressCommand(ID, ReferralStatus.FUNDED, NOW, "e-1", null))
                .expectEvents(progressed(ReferralStatus.FUNDED, "e-1", false));
    }

    @Test
    void shouldIgnoreProgressWhenRejected() {
        fixture.given(submitted(ID), new ReferralRejectedEvent(ID, PARTNER, IntermediaryType.MIDWIFE, "GM0406", Phase.BABY, TODAY,
                        "DUPLICATE", ReferralStatus.ACCEPTED, NOW))
                .when(new RecordReferralProgressCommand(ID, ReferralStatus.FUNDED, NOW, "e-1", null))
                .expectNoEvents();
    }

    @Test
    void shouldAmendTheDueDateAndMoveTheHouseholdClaimWhenBeforePacking() {
        households.claim(HOUSEHOLD, Phase.BABY, ID);
        LocalDate newDueDate = LocalDate.of(2026, 7, 1);
        String newKey = KEYS.keyOf("1271 AB", "12a", newDueDate);
        DeliveryDetails amended = new DeliveryDetails(newDueDate, null, BABY_DETAILS.parent(), DeliveryMethod.HOME_DELIVERY, null);
        fixture.given(submitted(ID), accepted(ID), progressed(ReferralStatus.FUNDED, "e-1", true))
                .when(new AmendReferralCommand(ID, PARTNER, newDueDate, null, null, null, null))
                .expectEvents(new ReferralAmendedEvent(ID, PARTNER, "GM0406", Phase.BABY, DeliveryMethod.HOME_DELIVERY,
                        sealed(amended, newKey), List.of("expectedDueDate"), NOW));
        assertThat(households.holds(newKey, Phase.BABY, ID)).isTrue();
        assertThat(households.holds(HOUSEHOLD, Phase.BABY, ID)).isFalse();
    }

    @Test
    void shouldAmendDeliveryDetailsWithoutMovingTheClaimWhenTheAddressKeyIsUnchanged() {
        households.claim(HOUSEHOLD, Phase.BABY, ID);
        ParentDetails phoneAdded = new ParentDetails("A. Jansen", "Voorbeeldstraat", "12a", "1271 AB", "Huizen", "0612345678", null);
        fixture.given(submitted(ID), accepted(ID))
                .when(new AmendReferralCommand(ID, PARTNER, null, null, phoneAdded, DeliveryMethod.PICKUP_BY_INTERMEDIARY, null))
                .expectEvents(new ReferralAmendedEvent(ID, PARTNER, "GM0406", Phase.BABY, DeliveryMethod.PICKUP_BY_INTERMEDIARY,
                        sealed(new DeliveryDetails(BABY_DETAILS.expectedDueDate(), null, phoneAdded, DeliveryMethod.PICKUP_BY_INTERMEDIARY,
                                null), HOUSEHOLD), List.of("parent", "deliveryMethod"), NOW));
        assertThat(households.holds(HOUSEHOLD, Phase.BABY, ID)).isTrue();
    }

    @Test
    void shouldChangeNothingWhenTheAmendmentRepeatsTheCurrentDetails() {
        fixture.given(submitted(ID), accepted(ID))
                .when(new AmendReferralCommand(ID, PARTNER, BABY_DETAILS.expectedDueDate(), null, BABY_DETAILS.parent(), null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldRefuseAmendingWhenPackingHasStarted() {
        fixture.given(submitted(ID), accepted(ID), progressed(ReferralStatus.PACKING, "e-1", true))
                .when(new AmendReferralCommand(ID, PARTNER, LocalDate.of(2026, 7, 1), null, null, null, null))
                .expectException(ReferralStateException.class)
                .expectNoEvents();
    }

    @Test
    void shouldRefuseAmendingIntoAnotherReferralsHousehold() {
        LocalDate otherDueDate = LocalDate.of(2026, 7, 1);
        households.claim(KEYS.keyOf("1271 AB", "12a", otherDueDate), Phase.BABY, "R-other");
        households.statuses.put("R-other", ReferralStatus.DELIVERED);
        fixture.given(submitted(ID), accepted(ID))
                .when(new AmendReferralCommand(ID, PARTNER, otherDueDate, null, null, null, null))
                .expectException(DuplicateHouseholdException.class)
                .expectNoEvents();
    }

    @Test
    void shouldRefuseWhenAnotherPartnerAmends() {
        fixture.given(submitted(ID), accepted(ID))
                .when(new AmendReferralCommand(ID, "gemeente-heerlen", LocalDate.of(2026, 7, 1), null, null, null, null))
                .expectException(ReferralOwnershipException.class);
    }

    @Test
    void shouldSealThePersonalDataSoNoEventCarriesItInPlainWhenSubmitted() {
        fixture.givenNoPriorActivity()
                .when(submit(ID, PARTNER))
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(noPlainPersonalData(), noPlainPersonalData())));
    }

    static org.hamcrest.Matcher<Object> noPlainPersonalData() {
        return Matchers.predicate(event -> !event.toString().contains("Jansen") && !event.toString().contains("1271")
                && !event.toString().contains("2026-06-20") && !event.toString().contains(HOUSEHOLD));
    }

    @Test
    void shouldEraseTheDataKeyAndFreeTheHouseholdWhenADeliveredReferralIsErased() {
        households.claim(HOUSEHOLD, Phase.BABY, ID);
        fixture.given(submitted(ID), accepted(ID), progressed(ReferralStatus.DELIVERED, "e-9", true))
                .when(new EraseReferralDataCommand(ID, ErasureReason.RETENTION, "system"))
                .expectEvents(new ReferralDataErasedEvent(ID, PARTNER, "GM0406", Phase.BABY, ErasureReason.RETENTION, "system", NOW))
                .expectResultMessagePayload(true);
        assertThat(protector.erased).contains(ID);
        assertThat(households.claims).isEmpty();
    }

    @Test
    void shouldWithdrawAReferralStillUnderWayBeforeErasingIt() {
        households.claim(HOUSEHOLD, Phase.BABY, ID);
        fixture.given(submitted(ID), accepted(ID), progressed(ReferralStatus.FUNDED, "e-1", true))
                .when(new EraseReferralDataCommand(ID, ErasureReason.REQUEST, "coordinator"))
                .expectEvents(new ReferralCancelledEvent(ID, PARTNER, "GM0406", Phase.BABY, TODAY, "OTHER", NOW),
                        new ReferralDataErasedEvent(ID, PARTNER, "GM0406", Phase.BABY, ErasureReason.REQUEST, "coordinator", NOW));
        assertThat(protector.erased).contains(ID);
    }

    @Test
    void shouldChangeNothingWhenErasingTwice() {
        fixture.given(submitted(ID), accepted(ID), progressed(ReferralStatus.DELIVERED, "e-9", true),
                        new ReferralDataErasedEvent(ID, PARTNER, "GM0406", Phase.BABY, ErasureReason.REQUEST, "coordinator", NOW))
                .when(new EraseReferralDataCommand(ID, ErasureReason.RETENTION, "system"))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void shouldRefuseAmendingWhenThePersonalDataWasErased() {
        fixture.given(submitted(ID), accepted(ID),
                        new ReferralDataErasedEvent(ID, PARTNER, "GM0406", Phase.BABY, ErasureReason.REQUEST, "coordinator", NOW))
                .when(new AmendReferralCommand(ID, PARTNER, LocalDate.of(2026, 7, 1), null, null, null, null))
                .expectException(ReferralStateException.class)
                .expectNoEvents();
    }

    @Test
    void shouldStillRecordProgressWhenThePersonalDataWasErased() {
        fixture.given(submitted(ID), accepted(ID),
                        new ReferralDataErasedEvent(ID, PARTNER, "GM0406", Phase.BABY, ErasureReason.REQUEST, "coordinator", NOW))
                .when(new RecordReferralProgressCommand(ID, ReferralStatus.FUNDED, NOW, "e-1", null))
                .expectEvents(progressed(ReferralStatus.FUNDED, "e-1", true));
    }

    static final LocalDate DELIVERED_ON = LocalDate.ofInstant(NOW, ZoneId.of("Europe/Amsterdam"));

    static ReferralSubmittedEvent submittedWithoutConsent(String id) {
        return new ReferralSubmittedEvent(id, PARTNER, IntermediaryType.MIDWIFE, "GM0406", Phase.BABY, TODAY,
                DeliveryMethod.HOME_DELIVERY, SEALED, false, NOW);
    }

    @Test
    void shouldOpenAFollowUpWhenAPackageIsDeliveredToAParentWhoAgreedToBeContacted() {
        fixture.given(submitted(ID), accepted(ID), progressed(ReferralStatus.PACKED, "e-3", true))
                .when(new RecordReferralProgressCommand(ID, ReferralStatus.DELIVERED, NOW, "e-4", null))
                .expectEvents(progressed(ReferralStatus.DELIVERED, "e-4", true),
                        new FollowUpOpenedEvent(ID, "GM0406", Phase.BABY, DELIVERED_ON, NOW));
    }

    @Test
    void shouldOpenNoFollowUpWithoutTheParentsConsent() {
        fixture.given(submittedWithoutConsent(ID), accepted(ID), progressed(ReferralStatus.PACKED, "e-3", true))
                .when(new RecordReferralProgressCommand(ID, ReferralStatus.DELIVERED, NOW, "e-4", null))
                .expectEvents(progressed(ReferralStatus.DELIVERED, "e-4", true));
    }

    @Test
    void shouldOpenAFollowUpOnlyOnce() {
        fixture.given(submitted(ID), accepted(ID), progressed(ReferralStatus.DELIVERED, "e-4", true),
                        new FollowUpOpenedEvent(ID, "GM0406", Phase.BABY, DELIVERED_ON, NOW))
                .when(new RecordReferralProgressCommand(ID, ReferralStatus.DELIVERED, NOW, "e-5", null))
                .expectEvents(progressed(ReferralStatus.DELIVERED, "e-5", false));
    }

    @Test
    void shouldRecordTheSocialTeamsOutcomeAndIgnoreTheSameOutcomeAgain() {
        fixture.given(submitted(ID), accepted(ID), new FollowUpOpenedEvent(ID, "GM0406", Phase.BABY, DELIVERED_ON, NOW))
                .when(new RecordFollowUpOutcomeCommand(ID, FollowUpOutcome.HELP_ACCEPTED, "GM0406", "sociaal-team-huizen"))
                .expectEvents(new FollowUpOutcomeRecordedEvent(ID, "GM0406", Phase.BABY, FollowUpOutcome.HELP_ACCEPTED,
                        "sociaal-team-huizen", NOW));
        fixture.given(submitted(ID), accepted(ID), new FollowUpOpenedEvent(ID, "GM0406", Phase.BABY, DELIVERED_ON, NOW),
                        new FollowUpOutcomeRecordedEvent(ID, "GM0406", Phase.BABY, FollowUpOutcome.CONTACTED, "sociaal-team-huizen", NOW))
                .when(new RecordFollowUpOutcomeCommand(ID, FollowUpOutcome.CONTACTED, "GM0406", "sociaal-team-huizen"))
                .expectNoEvents();
    }

    @Test
    void shouldRefuseAnOutcomeWithoutAFollowUpOrOfAnotherMunicipalityOrAfterErasure() {
        fixture.given(submittedWithoutConsent(ID), accepted(ID), progressed(ReferralStatus.DELIVERED, "e-4", true))
                .when(new RecordFollowUpOutcomeCommand(ID, FollowUpOutcome.CONTACTED, "GM0406", "sociaal-team-huizen"))
                .expectException(FollowUpRefusedException.class);
        fixture.given(submitted(ID), accepted(ID), new FollowUpOpenedEvent(ID, "GM0406", Phase.BABY, DELIVERED_ON, NOW))
                .when(new RecordFollowUpOutcomeCommand(ID, FollowUpOutcome.CONTACTED, "GM0917", "sociaal-team-heerlen"))
                .expectException(FollowUpRefusedException.class);
        fixture.given(submitted(ID), accepted(ID), new FollowUpOpenedEvent(ID, "GM0406", Phase.BABY, DELIVERED_ON, NOW),
                        new ReferralDataErasedEvent(ID, PARTNER, "GM0406", Phase.BABY, ErasureReason.REQUEST, "coordinator", NOW))
                .when(new RecordFollowUpOutcomeCommand(ID, FollowUpOutcome.CONTACTED, "GM0406", "sociaal-team-huizen"))
                .expectException(FollowUpRefusedException.class);
    }
}
