package nl.startpakket.billing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import nl.startpakket.billing.query.InvoiceDocument;

/** What every document the tests produce must show: it passes the official e-invoice rule sets. */
public final class EInvoiceAssertions {

    private EInvoiceAssertions() {
    }

    /** Nothing the official rule sets (EN 16931, Peppol BIS Billing 3.0, SI-UBL 2.0) say of the document: no error, no warning. */
    public static void assertPassesTheOfficialRules(InvoiceDocument document) {
        assertThat(EInvoiceValidation.official().findingsOf(document)).as(document.invoiceId() + "\n"
                + new String(new UblInvoiceWriter().write(document), StandardCharsets.UTF_8)).isEmpty();
    }

    /** The UBL the service served for the document is the one the rules checked, and it passes them. */
    public static void assertServedAndPassesTheOfficialRules(byte[] served, InvoiceDocument document) {
        assertThat(new String(served, StandardCharsets.UTF_8)).as("served UBL of " + document.invoiceId())
                .isEqualTo(new String(new UblInvoiceWriter().write(document), StandardCharsets.UTF_8));
        assertPassesTheOfficialRules(document);
    }
}
