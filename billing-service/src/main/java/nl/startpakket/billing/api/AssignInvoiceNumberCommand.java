package nl.startpakket.billing.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give the document the next number of its year's series, or the number it already has. Answers the number. */
public record AssignInvoiceNumberCommand(
        @TargetAggregateIdentifier String numberingId,
        String documentId,
        int year) {

    public static AssignInvoiceNumberCommand of(String documentId, int year) {
        return new AssignInvoiceNumberCommand(InvoiceNumbering.ID, documentId, year);
    }
}
