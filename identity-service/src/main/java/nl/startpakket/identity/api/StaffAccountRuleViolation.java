package nl.startpakket.identity.api;

/**
 * A request the account rules refuse (an account that exists, terms that contradict each other,
 * an unknown account). Answered as a 4xx problem, with {@link #code()} as its type.
 */
public class StaffAccountRuleViolation extends IllegalArgumentException {

    private final String code;

    public StaffAccountRuleViolation(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
