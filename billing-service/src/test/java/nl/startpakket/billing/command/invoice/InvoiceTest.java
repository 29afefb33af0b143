package nl.startpakket.billing.command.invoice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import nl.startpakket.billing.api.InvoiceIssuedEvent;
import nl.startpakket.billing.api.InvoiceKind;
import nl.startpakket.billing.api.InvoiceLine;
import nl.startpakket.billing.api.InvoiceRecipient;
import nl.startpakket.billing.api.InvoicingDetails;
import nl.startpakket.billing.api.IssueInvoiceCommand;
import nl.startpakket.billing.api.Money;
import nl.startpakket.billing.api.SellerParty;
import nl.startpakket.billing.api.VatTreatment;
import nl.startpakket.events.Phase;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");
    static final LocalDate ISSUED = LocalDate.of(2026, 4, 1);
    static final SellerParty SELLER = new SellerParty("Stichting", "Straat 1", "1234 AB", "Huizen", "NL", "12345678", null,
            "NL00BANK0123456789", "a@b.example", "0106", "12345678");
    static final List<InvoiceLine> LINES = List.of(
            new InvoiceLine("R-1", Phase.BABY, LocalDate.of(2026, 3, 3), Money.eur("33.33")),
            new InvoiceLine("R-2", Phase.TODDLER, LocalDate.of(2026, 3, 4), Money.eur("33.33")));

    FixtureConfiguration<Invoice> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invoice.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam")));
    }

    static InvoicingDetails invoicing(VatTreatment vat) {
        return new InvoicingDetails(InvoiceRecipient.defaultFor("Huizen", "huizen-2026"), vat);
    }

    static IssueInvoiceCommand issue(VatTreatment vat) {
        return new IssueInvoiceCommand("INV-1", InvoiceKind.INVOICE, "2026-00001", ISSUED, ISSUED.plusDays(30), "huizen-2026",
                "GM0406", SELLER, invoicing(vat), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), LINES, null, null, null);
    }

    static InvoiceIssuedEvent issued(VatTreatment vat, String vatAmount, String total) {
        return new InvoiceIssuedEvent("INV-1", InvoiceKind.INVOICE, "2026-00001", ISSUED, ISSUED.plusDays(30), "huizen-2026",
                "GM0406", SELLER, invoicing(vat), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), LINES,
                Money.eur("66.66"), Money.eur(vatAmount), Money.eur(total), null, null, null, NOW);
    }

    @Test
    void shouldIssueWithTheSumOfTheLinesAndNoVatWhenExempt() {
        VatTreatment exempt = new VatTreatment("E", BigDecimal.ZERO, "Vrijgesteld van btw");
        fixture.givenNoPriorActivity()
                .when(issue(exempt))
                .expectEvents(issued(exempt, "0.00", "66.66"));
    }

    @Test
    void shouldRoundTheVatHalfEvenToCentsWhenStandardRated() {
        // 66.66 * 21% = 13.9986 -> 14.00
        VatTreatment standard = new VatTreatment("S", new BigDecimal("21"), null);
        fixture.givenNoPriorActivity()
                .when(issue(standard))
                .expectEvents(issued(standard, "14.00", "80.66"));
    }

    @Test
    void shouldChangeNothingWhenIssuedAgain() {
        VatTreatment exempt = new VatTreatment("E", BigDecimal.ZERO, "Vrijgesteld van btw");
        fixture.given(issued(exempt, "0.00", "66.66"))
                .when(issue(exempt))
                .expectNoEvents();
    }
}
