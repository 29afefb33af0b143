package nl.startpakket.billing.command.contract;

import java.util.ArrayList;
import java.util.List;
import nl.startpakket.billing.api.EInvoiceRuleFailure;
import nl.startpakket.billing.api.EInvoiceRules;
import nl.startpakket.billing.api.InvoiceCreditedEvent;
import nl.startpakket.billing.api.InvoicePeriodClosedEvent;

/**
 * The official e-invoice rules as the contract sees them, for its tests: every document passes,
 * or each breaks the failures it was given; remembers what it was asked. (The rule sets
 * themselves are tested on real documents in {@code OfficialInvoiceRulesTest}.)
 */
final class EInvoiceRulesStub implements EInvoiceRules {

    List<EInvoiceRuleFailure> failures = List.of();
    final List<Object> checked = new ArrayList<>();

    @Override
    public List<EInvoiceRuleFailure> check(InvoicePeriodClosedEvent invoice) {
        checked.add(invoice);
        return failures;
    }

    @Override
    public List<EInvoiceRuleFailure> check(InvoiceCreditedEvent creditNote) {
        checked.add(creditNote);
        return failures;
    }
}
