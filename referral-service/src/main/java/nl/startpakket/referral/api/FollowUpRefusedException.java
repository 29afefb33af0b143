package nl.startpakket.referral.api;

/** A follow-up outcome the referral cannot take: no follow-up was opened, the data is erased, another municipality. */
public class FollowUpRefusedException extends IllegalStateException {

    private final String code;

    public FollowUpRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
