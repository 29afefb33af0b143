package nl.startpakket.billing.api;

/**
 * A request the contract's rules refuse (terms that contradict each other, an amendment below
 * what is already used, terms of an existing contract changed by registration). Answered as a
 * 4xx problem; never used for decisions other services react to (those are events).
 */
public class ContractRuleViolation extends IllegalArgumentException {

    private final String code;

    public ContractRuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
