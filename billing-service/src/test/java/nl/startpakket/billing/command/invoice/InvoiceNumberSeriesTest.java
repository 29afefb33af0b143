package nl.startpakket.billing.command.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import nl.startpakket.billing.api.AssignInvoiceNumberCommand;
import nl.startpakket.billing.api.InvoiceNumberAssignedEvent;
import nl.startpakket.billing.api.InvoiceNumbering;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvoiceNumberSeriesTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final String ID = InvoiceNumbering.ID;

    FixtureConfiguration<InvoiceNumberSeries> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InvoiceNumberSeries.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam")));
    }

    static InvoiceNumberAssignedEvent assigned(String document, int year, long sequence) {
        return new InvoiceNumberAssignedEvent(ID, document, year, sequence, InvoiceNumbering.format(year, sequence), NOW);
    }

    @Test
    void shouldStartTheYearAtOneWhenTheFirstDocumentAsks() {
        fixture.givenNoPriorActivity()
                .when(AssignInvoiceNumberCommand.of("INV-a", 2026))
                .expectEvents(assigned("INV-a", 2026, 1))
                .expectResultMessagePayload("2026-00001");
    }

    @Test
    void shouldGiveTheNextNumberWithoutGapWhenAnotherDocumentAsks() {
        fixture.given(assigned("INV-a", 2026, 1), assigned("INV-b", 2026, 2))
                .when(AssignInvoiceNumberCommand.of("CN-a-1", 2026))
                .expectEvents(assigned("CN-a-1", 2026, 3))
                .expectResultMessagePayload("2026-00003");
    }

    @Test
    void shouldAnswerTheSameNumberWhenTheSameDocumentAsksAgain() {
        fixture.given(assigned("INV-a", 2026, 1), assigned("INV-b", 2026, 2))
                .when(AssignInvoiceNumberCommand.of("INV-a", 2026))
                .expectNoEvents()
                .expectResultMessagePayload("2026-00001");
    }

    @Test
    void shouldStartANewSeriesWhenTheYearChanges() {
        fixture.given(assigned("INV-a", 2026, 1), assigned("INV-b", 2026, 2))
                .when(AssignInvoiceNumberCommand.of("INV-c", 2027))
                .expectEvents(assigned("INV-c", 2027, 1));
    }

    @Test
    void shouldFormatNumbersSoTheySortWithinAYear() {
        assertThat(InvoiceNumbering.format(2026, 12)).isEqualTo("2026-00012");
    }
}
