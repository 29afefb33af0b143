package nl.startpakket.billing.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An invoice or credit note the official e-invoice rules refuse: nothing was stored, no number
 * was drawn. Names every error-level rule the document breaks, with what to change.
 */
public class EInvoiceRefused extends ContractRuleViolation {

    public static final String CODE = "einvoice-rules";

    private final transient List<EInvoiceRuleFailure> failures;

    public EInvoiceRefused(String document, List<EInvoiceRuleFailure> failures) {
        super(CODE, "The " + document + " breaks " + failures.size() + (failures.size() == 1 ? " rule" : " rules")
                + " of the official e-invoice rule sets (EN 16931, Peppol BIS Billing 3.0, SI-UBL 2.0) and was not issued: "
                + failures.stream().map(EInvoiceRuleFailure::asLine).collect(Collectors.joining("; ")));
        this.failures = List.copyOf(failures);
    }

    /** Throws the refusal when the document breaks any rule. */
    public static void unlessEmpty(String document, List<EInvoiceRuleFailure> failures) {
        if (!failures.isEmpty()) {
            throw new EInvoiceRefused(document, failures);
        }
    }

    public List<EInvoiceRuleFailure> failures() {
        return failures;
    }
}
