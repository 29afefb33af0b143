package nl.startpakket.reporting.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import org.junit.jupiter.api.Test;

class ReferralFactsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    private static final Instant T1 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-09T09:00:00Z");

    @Test
    void shouldBeFundedWhenAHeldReferralIsReservedLater() {
        ReferralFacts facts = facts(decision(T2), decision(T1), null, false, null, null);
        assertThat(facts.status()).isEqualTo(ReferralStatus.FUNDED);
    }

    @Test
    void shouldBeOnHoldWhenHeldAfterNothingElse() {
        assertThat(facts(null, decision(T1), null, false, null, null).status()).isEqualTo(ReferralStatus.ON_HOLD);
    }

    @Test
    void shouldBeAcceptedAgainWhenTheReservationWasReleasedWithoutCancellation() {
        assertThat(facts(decision(T1), null, decision(T2), false, null, null).status()).isEqualTo(ReferralStatus.ACCEPTED);
    }

    @Test
    void shouldStayDeliveredWhenAFundingEventArrivesLate() {
        assertThat(facts(decision(T1), null, null, true, DAY, DAY.plusDays(1)).status()).isEqualTo(ReferralStatus.DELIVERED);
    }

    @Test
    void shouldBePackedWhenHandedOverButNotYetDelivered() {
        assertThat(facts(decision(T1), null, null, true, DAY, null).status()).isEqualTo(ReferralStatus.PACKED);
    }

    @Test
    void shouldMeasureLeadTimeFromReferralDateToHandOver() {
        assertThat(facts(decision(T1), null, null, true, DAY.plusDays(12), null).leadTimeDays()).isEqualTo(12);
    }

    private static FundingDecision decision(Instant at) {
        return new FundingDecision(at, LocalDate.ofInstant(at, java.time.ZoneOffset.UTC), "c", null);
    }

    private static ReferralFacts facts(FundingDecision reserved, FundingDecision held, FundingDecision released,
                                       boolean packingStarted, LocalDate handedOver, LocalDate delivered) {
        return new ReferralFacts("R", "GM0406", Phase.BABY, IntermediaryType.MIDWIFE, DAY, true, null, true, 20, null, null,
                reserved, held, released, packingStarted, null, handedOver, 10, delivered, null, null, false, null, false);
    }
}
