package nl.startpakket.billing.query;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.startpakket.billing.query.FundingStatusDocument.FundingState;

/**
 * Whether a contract's invoices add up to what was delivered, to the cent: every delivered
 * package is invoiced at most once net of credit notes, the net invoiced lines equal the
 * delivered packages minus those still waiting for an invoice, and the net invoiced amount equals
 * the sum of those packages at the contract price of their phase.
 */
public record Reconciliation(
        String contractId,
        long deliveredPackages,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal deliveredAmount,
        Map<String, PhaseCount> deliveredByPhase,
        long invoices,
        long creditNotes,
        long invoicedLines,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal invoicedAmount,
        long notYetInvoicedLines,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal notYetInvoicedAmount,
        List<String> invoicedMoreThanOnce,
        List<String> invoicedButNotDelivered,
        List<String> amountMismatches,
        boolean balanced) {

    /** Packages of one phase, their price and amount. */
    public record PhaseCount(long packages, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price,
                             @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) {
    }

    public static Reconciliation of(ContractDocument contract, Collection<FundingStatusDocument> funding,
                                    Collection<InvoiceDocument> documents) {
        Map<String, BigDecimal> delivered = new HashMap<>();
        Map<String, PhaseCount> byPhase = new TreeMap<>();
        for (FundingStatusDocument status : funding) {
            if (status.state() == FundingState.DELIVERED) {
                delivered.put(status.referralId(), status.amount());
                BigDecimal price = "BABY".equals(status.phase()) ? contract.babyPrice() : contract.toddlerPrice();
                byPhase.merge(status.phase(), new PhaseCount(1, scaled(price), scaled(status.amount())),
                        (a, b) -> new PhaseCount(a.packages() + 1, a.price(), a.amount().add(b.amount())));
            }
        }
        Map<String, Integer> netCount = new HashMap<>();
        Map<String, BigDecimal> netAmount = new HashMap<>();
        long invoices = 0;
        long creditNotes = 0;
        for (InvoiceDocument document : documents) {
            int sign = document.isCreditNote() ? -1 : 1;
            if (document.isCreditNote()) {
                creditNotes++;
            } else {
                invoices++;
            }
            for (InvoiceDocument.Line line : document.lines()) {
                netCount.merge(line.referralId(), sign, Integer::sum);
                netAmount.merge(line.referralId(), line.amount().multiply(BigDecimal.valueOf(sign)), BigDecimal::add);
            }
        }
        List<String> twice = new ArrayList<>();
        List<String> notDelivered = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        long invoicedLines = 0;
        BigDecimal invoicedAmount = BigDecimal.ZERO;
        for (Map.Entry<String, Integer> entry : netCount.entrySet()) {
            String referralId = entry.getKey();
            int count = entry.getValue();
            if (count > 1) {
                twice.add(referralId);
            }
            if (count != 0 && !delivered.containsKey(referralId)) {
                notDelivered.add(referralId);
            }
            if (count == 1 && delivered.containsKey(referralId)
                    && netAmount.get(referralId).compareTo(delivered.get(referralId)) != 0) {
                mismatches.add(referralId);
            }
            invoicedLines += count;
            invoicedAmount = invoicedAmount.add(netAmount.get(referralId));
        }
        long waiting = 0;
        BigDecimal waitingAmount = BigDecimal.ZERO;
        BigDecimal deliveredAmount = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> entry : delivered.entrySet()) {
            deliveredAmount = deliveredAmount.add(entry.getValue());
            if (netCount.getOrDefault(entry.getKey(), 0) == 0) {
                waiting++;
                waitingAmount = waitingAmount.add(entry.getValue());
            }
        }
        boolean balanced = twice.isEmpty() && notDelivered.isEmpty() && mismatches.isEmpty()
                && invoicedLines + waiting == delivered.size()
                && invoicedAmount.add(waitingAmount).compareTo(deliveredAmount) == 0;
        twice.sort(null);
        notDelivered.sort(null);
        mismatches.sort(null);
        return new Reconciliation(contract.contractId(), delivered.size(), scaled(deliveredAmount), byPhase, invoices,
                creditNotes, invoicedLines, scaled(invoicedAmount), waiting, scaled(waitingAmount), twice, notDelivered,
                mismatches, balanced);
    }

    private static BigDecimal scaled(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
