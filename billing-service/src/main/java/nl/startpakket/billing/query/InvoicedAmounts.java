package nl.startpakket.billing.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.stereotype.Component;

/** The amount invoiced so far under a contract, excluding VAT, credit notes subtracted. */
@Component
public class InvoicedAmounts {

    private final InvoiceQueries invoices;

    public InvoicedAmounts(InvoiceQueries invoices) {
        this.invoices = invoices;
    }

    public BigDecimal of(String contractId) {
        return invoices.invoicesOfContract(contractId).stream()
                .map(invoice -> invoice.lineTotal().multiply(invoice.sign()))
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_EVEN);
    }
}
