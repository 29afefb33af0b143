package nl.startpakket.fulfilment.command.template;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import nl.startpakket.events.Phase;
import nl.startpakket.fulfilment.api.DefineTemplateCommand;
import nl.startpakket.fulfilment.api.ItemQuantity;
import nl.startpakket.fulfilment.api.PackageTemplateDefinedEvent;
import nl.startpakket.fulfilment.api.StockRefusal;
import nl.startpakket.fulfilment.api.TemplateVariant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PackageTemplateTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final List<ItemQuantity> LINES = List.of(new ItemQuantity("romper-50-56", 4), new ItemQuantity("badcape", 1));
    static final PackageTemplateDefinedEvent V1 = new PackageTemplateDefinedEvent("baby-meisje", Phase.BABY, TemplateVariant.GIRL,
            "Babypakket meisje", "50/56 – 62/68", LINES, 1, "system", NOW);

    FixtureConfiguration<PackageTemplate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PackageTemplate.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam")));
    }

    static DefineTemplateCommand define(List<ItemQuantity> lines, String by, boolean ifAbsent) {
        return new DefineTemplateCommand("baby-meisje", Phase.BABY, TemplateVariant.GIRL, "Babypakket meisje", "50/56 – 62/68",
                lines, by, ifAbsent);
    }

    @Test
    void shouldDefineVersionOneWhenNew() {
        fixture.givenNoPriorActivity()
                .when(define(LINES, "system", true))
                .expectEvents(V1);
    }

    @Test
    void shouldRaiseTheVersionWhenACoordinatorChangesTheLines() {
        List<ItemQuantity> more = List.of(new ItemQuantity("romper-50-56", 6), new ItemQuantity("badcape", 1));
        fixture.given(V1)
                .when(define(more, "coordinator", false))
                .expectEvents(new PackageTemplateDefinedEvent("baby-meisje", Phase.BABY, TemplateVariant.GIRL,
                        "Babypakket meisje", "50/56 – 62/68", more, 2, "coordinator", NOW));
    }

    @Test
    void shouldNotOverwriteAnEditWhenSeedingAgain() {
        fixture.given(V1)
                .when(define(List.of(new ItemQuantity("badcape", 2)), "system", true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldChangeNothingWhenTheSameDefinitionIsSaved() {
        fixture.given(V1)
                .when(define(LINES, "coordinator", false))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shouldRefuseATemplateWithoutItems() {
        fixture.givenNoPriorActivity()
                .when(define(List.of(), "coordinator", false))
                .expectException(StockRefusal.class);
    }

    @Test
    void shouldRefuseAnItemListedTwice() {
        fixture.givenNoPriorActivity()
                .when(define(List.of(new ItemQuantity("badcape", 1), new ItemQuantity("badcape", 2)), "coordinator", false))
                .expectException(StockRefusal.class);
    }
}
