package nl.startpakket.billing.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Correct an issued invoice by a credit note for some of its lines ({@code referralIds}) or all
 * of them (null or empty). The credited lines become invoiceable again. Answers the credit note id.
 */
public record CreditInvoiceCommand(
        @TargetAggregateIdentifier String contractId,
        String invoiceId,
        List<String> referralIds,
        String reason,
        String requestedBy) {
}
