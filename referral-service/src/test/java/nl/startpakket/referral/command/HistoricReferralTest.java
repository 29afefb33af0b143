package nl.startpakket.referral.command;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import nl.startpakket.referral.api.CancelReferralCommand;
import nl.startpakket.referral.api.ReferralOwnershipException;
import nl.startpakket.referral.api.history.HistoricReferralImportedEvent;
import nl.startpakket.referral.api.history.HistoricRow;
import nl.startpakket.referral.api.history.HistoricRowRefusedException;
import nl.startpakket.referral.api.history.ImportHistoricReferralCommand;
import nl.startpakket.referral.command.history.HistoricRowRules;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A row of history as a referral: with its business dates, within the rules, beyond partners' reach. That a row lands once
 * whichever file brings it is the event store's unique index ({@code HistoricImportIT}).
 */
class HistoricReferralTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:15:30Z");
    static final String IMPORT = HistoricRowRules.importIdOf("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    static final String REFERRAL = HistoricRowRules.referralIdOf("GM0917", "ref:2021-017");

    FixtureConfiguration<Referral> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Referral.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam")));
        fixture.registerInjectableResource(new InMemoryHouseholdRegistry());
        fixture.registerInjectableResource(new InMemoryPersonalDataProtector());
    }

    @Test
    void shouldImportARowAsAReferralWithItsBusinessDates() {
        fixture.givenNoPriorActivity()
                .when(new ImportHistoricReferralCommand(REFERRAL, row(LocalDate.of(2021, 3, 8), LocalDate.of(2021, 3, 29), true),
                        IMPORT))
                .expectEvents(new HistoricReferralImportedEvent(REFERRAL, "GM0917", Phase.TODDLER,
                        IntermediaryType.CONSULTATION_BUREAU, LocalDate.of(2021, 3, 8), LocalDate.of(2021, 3, 29), true,
                        IMPORT, NOW))
                .expectResultMessagePayload(IMPORT);
    }

    @Test
    void shouldRefuseARowDeliveredBeforeItWasReferred() {
        fixture.givenNoPriorActivity()
                .when(new ImportHistoricReferralCommand(REFERRAL, row(LocalDate.of(2021, 3, 8), LocalDate.of(2021, 3, 1), false),
                        IMPORT))
                .expectException(HistoricRowRefusedException.class)
                .expectNoEvents();
    }

    @Test
    void shouldRefuseARowInvoicedWithoutADelivery() {
        fixture.givenNoPriorActivity()
                .when(new ImportHistoricReferralCommand(REFERRAL, row(LocalDate.of(2021, 3, 8), null, true), IMPORT))
                .expectException(HistoricRowRefusedException.class);
    }

    @Test
    void shouldRefuseARowWhenADateLiesInTheFutureOrBefore2015() {
        fixture.givenNoPriorActivity()
                .when(new ImportHistoricReferralCommand(REFERRAL, row(LocalDate.of(2026, 3, 3), null, false), IMPORT))
                .expectException(HistoricRowRefusedException.class);
        fixture.givenNoPriorActivity()
                .when(new ImportHistoricReferralCommand(REFERRAL, row(LocalDate.of(2014, 12, 31), null, false), IMPORT))
                .expectException(HistoricRowRefusedException.class);
    }

    @Test
    void shouldRefuseAPartnersCancellationOfAnImportedReferral() {
        fixture.given(new HistoricReferralImportedEvent(REFERRAL, "GM0917", Phase.BABY, IntermediaryType.MIDWIFE,
                        LocalDate.of(2021, 3, 8), null, false, IMPORT, NOW))
                .when(new CancelReferralCommand(REFERRAL, "gemeente-heerlen", "OTHER"))
                .expectException(ReferralOwnershipException.class);
    }

    private HistoricRow row(LocalDate referredOn, LocalDate deliveredOn, boolean invoiced) {
        return new HistoricRow("GM0917", Phase.TODDLER, IntermediaryType.CONSULTATION_BUREAU, referredOn, deliveredOn, invoiced);
    }
}
