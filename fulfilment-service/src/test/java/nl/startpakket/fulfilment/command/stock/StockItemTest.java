package nl.startpakket.fulfilment.command.stock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import nl.startpakket.fulfilment.api.CountStockCommand;
import nl.startpakket.fulfilment.api.DefineStockItemCommand;
import nl.startpakket.fulfilment.api.ReceiveStockCommand;
import nl.startpakket.fulfilment.api.StockCountedEvent;
import nl.startpakket.fulfilment.api.StockItemDefinedEvent;
import nl.startpakket.fulfilment.api.StockReceivedEvent;
import nl.startpakket.fulfilment.api.StockRefusal;
import nl.startpakket.fulfilment.api.StockSource;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StockItemTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final StockItemDefinedEvent DEFINED = new StockItemDefinedEvent("knuffel", "Knuffel", "Cuddly toy", "speelgoed", 2, NOW);

    FixtureConfiguration<StockItem> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StockItem.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam")));
    }

    @Test
    void shouldRegisterAnItemWhenDefinedFirst() {
        fixture.givenNoPriorActivity()
                .when(new DefineStockItemCommand("knuffel", "Knuffel ", "Cuddly toy", "speelgoed", 2, false))
                .expectEvents(DEFINED);
    }

    @Test
    void shouldLeaveACoordinatorsEditAloneWhenSeedingAgain() {
        fixture.given(new StockItemDefinedEvent("knuffel", "Knuffelbeer", "Teddy bear", "speelgoed", 5, NOW))
                .when(new DefineStockItemCommand("knuffel", "Knuffel", "Cuddly toy", "speelgoed", 2, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldChangeTheReorderLevelWhenRedefined() {
        fixture.given(DEFINED)
                .when(new DefineStockItemCommand("knuffel", "Knuffel", "Cuddly toy", "speelgoed", 6, false))
                .expectEvents(new StockItemDefinedEvent("knuffel", "Knuffel", "Cuddly toy", "speelgoed", 6, NOW));
    }

    @Test
    void shouldRefuseAnItemIdThatIsNotASlug() {
        fixture.givenNoPriorActivity()
                .when(new DefineStockItemCommand("Knuffel Beer", "Knuffel", "Cuddly toy", null, 0, false))
                .expectException(StockRefusal.class);
    }

    @Test
    void shouldAddADonationWhenReceived() {
        fixture.given(DEFINED)
                .when(new ReceiveStockCommand("knuffel", 12, StockSource.DONATION, " inzamelpunt Huizen ", "r-1", "volunteer"))
                .expectEvents(new StockReceivedEvent("knuffel", 12, StockSource.DONATION, "inzamelpunt Huizen", "r-1", "volunteer", NOW));
    }

    @Test
    void shouldCountAReceiptOnceWhenItsIdComesAgain() {
        fixture.given(DEFINED, new StockReceivedEvent("knuffel", 12, StockSource.DONATION, null, "r-1", "volunteer", NOW))
                .when(new ReceiveStockCommand("knuffel", 12, StockSource.DONATION, null, "r-1", "volunteer"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldRefuseAReceiptWithoutPositiveQuantity() {
        fixture.given(DEFINED)
                .when(new ReceiveStockCommand("knuffel", 0, StockSource.PURCHASE, null, null, "coordinator"))
                .expectException(StockRefusal.class);
    }

    @Test
    void shouldSetTheStockWhenCounted() {
        fixture.given(DEFINED)
                .when(new CountStockCommand("knuffel", 7, "telling maart", "coordinator"))
                .expectEvents(new StockCountedEvent("knuffel", 7, "telling maart", "coordinator", NOW));
    }

    @Test
    void shouldRefuseANegativeCount() {
        fixture.given(DEFINED)
                .when(new CountStockCommand("knuffel", -1, null, "coordinator"))
                .expectException(StockRefusal.class);
    }
}
