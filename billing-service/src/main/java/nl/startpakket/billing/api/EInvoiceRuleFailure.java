package nl.startpakket.billing.api;

/**
 * An error-level rule of an official e-invoice rule set that a document breaks: the rule's id
 * (e.g. {@code PEPPOL-EN16931-R010}) and message as the rule set words them, the rule set (its
 * VES id), where in the document, and what to change so the document passes (null when there
 * is no advice beyond the rule's message).
 */
public record EInvoiceRuleFailure(String ruleId, String message, String ruleSet, String location, String hint) {

    /** "RULE-ID message" and the hint after a dash, for a line on a page or in a log. */
    public String asLine() {
        return ruleId + " " + message + (hint == null ? "" : " — " + hint);
    }
}
