package nl.startpakket.billing.command.municipality;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import nl.startpakket.billing.api.AttachContractCommand;
import nl.startpakket.billing.api.BackloggedReferralWithdrawnEvent;
import nl.startpakket.billing.api.CancellationRoutedEvent;
import nl.startpakket.billing.api.ContractAttachedEvent;
import nl.startpakket.billing.api.DeliveryRoutedEvent;
import nl.startpakket.billing.api.HistoricDeliveryBackloggedEvent;
import nl.startpakket.billing.api.HistoricDeliveryRoutedEvent;
import nl.startpakket.billing.api.HoldReason;
import nl.startpakket.billing.api.RouteHistoricDeliveryCommand;
import nl.startpakket.billing.api.MunicipalityRoutes;
import nl.startpakket.billing.api.ReferralBackloggedEvent;
import nl.startpakket.billing.api.ReferralRoutedEvent;
import nl.startpakket.billing.api.RouteCancellationCommand;
import nl.startpakket.billing.api.RouteDeliveryCommand;
import nl.startpakket.billing.api.RouteReferralCommand;
import nl.startpakket.events.Phase;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MunicipalityFundingTest {

    static final String ROUTE = MunicipalityRoutes.idOf("GM0406");
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    static final LocalDate FROM = LocalDate.of(2026, 2, 1);
    static final LocalDate TO = LocalDate.of(2027, 1, 31);

    FixtureConfiguration<MunicipalityFunding> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(MunicipalityFunding.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam")));
    }

    static ContractAttachedEvent attached(String contractId, LocalDate from, LocalDate to) {
        return new ContractAttachedEvent(ROUTE, "GM0406", contractId, from, to, NOW);
    }

    static ReferralRoutedEvent routed(String referralId, LocalDate date, String contractId, boolean fromBacklog) {
        return new ReferralRoutedEvent(ROUTE, "GM0406", referralId, Phase.BABY, date, contractId, fromBacklog, NOW);
    }

    static ReferralBackloggedEvent backlogged(String referralId, LocalDate date) {
        return new ReferralBackloggedEvent(ROUTE, "GM0406", referralId, Phase.BABY, date, HoldReason.NO_CONTRACT, null,
                TODAY, NOW);
    }

    @Test
    void shouldRouteToTheContractValidOnTheReferralDateWhenThereIsOne() {
        fixture.given(attached("huizen-2025", LocalDate.of(2025, 2, 1), LocalDate.of(2026, 1, 31)),
                        attached("huizen-2026", FROM, TO))
                .when(RouteReferralCommand.of("GM0406", "R-1", Phase.BABY, LocalDate.of(2026, 1, 30)))
                .expectEvents(routed("R-1", LocalDate.of(2026, 1, 30), "huizen-2025", false));
    }

    @Test
    void shouldKeepTheReferralInTheBacklogWhenNoContractExists() {
        fixture.givenNoPriorActivity()
                .when(RouteReferralCommand.of("GM0406", "R-1", Phase.BABY, TODAY))
                .expectEvents(backlogged("R-1", TODAY));
    }

    @Test
    void shouldHoldAsContractEndedWhenTheLastContractEndedBeforeTheReferralDate() {
        fixture.given(attached("huizen-2026", FROM, TO))
                .when(RouteReferralCommand.of("GM0406", "R-1", Phase.BABY, LocalDate.of(2027, 2, 3)))
                .expectEvents(new ReferralBackloggedEvent(ROUTE, "GM0406", "R-1", Phase.BABY, LocalDate.of(2027, 2, 3),
                        HoldReason.CONTRACT_ENDED, "huizen-2026", TODAY, NOW));
    }

    @Test
    void shouldRouteTheBacklogOldestFirstWhenACoveringContractIsRegistered() {
        fixture.given(backlogged("R-2", LocalDate.of(2026, 3, 1)), backlogged("R-1", LocalDate.of(2026, 2, 20)),
                        backlogged("R-3", LocalDate.of(2028, 1, 1)))
                .when(AttachContractCommand.of("GM0406", "huizen-2026", FROM, TO))
                .expectEvents(attached("huizen-2026", FROM, TO),
                        routed("R-1", LocalDate.of(2026, 2, 20), "huizen-2026", true),
                        routed("R-2", LocalDate.of(2026, 3, 1), "huizen-2026", true));
    }

    @Test
    void shouldChangeNothingWhenTheSameContractPeriodIsAttachedAgain() {
        fixture.given(attached("huizen-2026", FROM, TO))
                .when(AttachContractCommand.of("GM0406", "huizen-2026", FROM, TO))
                .expectNoEvents();
    }

    @Test
    void shouldChangeNothingWhenTheSameReferralIsRoutedTwice() {
        fixture.given(attached("huizen-2026", FROM, TO), routed("R-1", TODAY, "huizen-2026", false))
                .when(RouteReferralCommand.of("GM0406", "R-1", Phase.BABY, TODAY))
                .expectNoEvents();
    }

    @Test
    void shouldPassTheCancellationToTheFundingContract() {
        fixture.given(attached("huizen-2026", FROM, TO), routed("R-1", TODAY, "huizen-2026", false))
                .when(RouteCancellationCommand.of("GM0406", "R-1", "MOVED_AWAY"))
                .expectEvents(new CancellationRoutedEvent(ROUTE, "GM0406", "R-1", "huizen-2026", "MOVED_AWAY", NOW));
    }

    @Test
    void shouldTakeABackloggedReferralOutWhenCancelled() {
        fixture.given(backlogged("R-1", TODAY))
                .when(RouteCancellationCommand.of("GM0406", "R-1", "MOVED_AWAY"))
                .expectEvents(new BackloggedReferralWithdrawnEvent(ROUTE, "GM0406", "R-1", Phase.BABY, "MOVED_AWAY",
                        TODAY, NOW));
    }

    @Test
    void shouldPassTheDeliveryToTheFundingContractOnce() {
        DeliveryRoutedEvent delivered = new DeliveryRoutedEvent(ROUTE, "GM0406", "R-1", "huizen-2026", Phase.BABY, TODAY, NOW);
        fixture.given(attached("huizen-2026", FROM, TO), routed("R-1", TODAY, "huizen-2026", false), delivered)
                .when(RouteDeliveryCommand.of("GM0406", "R-1", Phase.BABY, TODAY))
                .expectNoEvents();
    }

    // --- deliveries from before Startpakket, not invoiced then (ADR 0009)

    @Test
    void shouldRouteAHistoricDeliveryToTheContractValidOnItsDeliveryDate() {
        fixture.given(attached("huizen-2021", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)), attached("huizen-2026", FROM, TO))
                .when(RouteHistoricDeliveryCommand.of("GM0406", "R-h1", Phase.TODDLER, LocalDate.of(2021, 3, 29)))
                .expectEvents(new HistoricDeliveryRoutedEvent(ROUTE, "GM0406", "R-h1", "huizen-2021", Phase.TODDLER,
                        LocalDate.of(2021, 3, 29), false, NOW));
    }

    @Test
    void shouldHoldAHistoricDeliveryWithoutContractUntilACoveringOneIsAttached() {
        HistoricDeliveryBackloggedEvent waiting = new HistoricDeliveryBackloggedEvent(ROUTE, "GM0406", "R-h1", Phase.TODDLER,
                LocalDate.of(2021, 3, 29), NOW);
        fixture.given(attached("huizen-2026", FROM, TO))
                .when(RouteHistoricDeliveryCommand.of("GM0406", "R-h1", Phase.TODDLER, LocalDate.of(2021, 3, 29)))
                .expectEvents(waiting);
        fixture.given(attached("huizen-2026", FROM, TO), waiting)
                .when(AttachContractCommand.of("GM0406", "huizen-2021", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)))
                .expectEvents(attached("huizen-2021", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)),
                        new HistoricDeliveryRoutedEvent(ROUTE, "GM0406", "R-h1", "huizen-2021", Phase.TODDLER,
                                LocalDate.of(2021, 3, 29), true, NOW));
    }

    @Test
    void shouldRouteAHistoricDeliveryOnlyOnce() {
        fixture.given(attached("huizen-2026", FROM, TO), new HistoricDeliveryRoutedEvent(ROUTE, "GM0406", "R-h1", "huizen-2026",
                        Phase.BABY, LocalDate.of(2026, 3, 1), false, NOW))
                .when(RouteHistoricDeliveryCommand.of("GM0406", "R-h1", Phase.BABY, LocalDate.of(2026, 3, 1)))
                .expectNoEvents();
    }
}
