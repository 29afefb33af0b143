package nl.startpakket.referral.history;

/** An import of a file with refused rows (or none to import): nothing of it lands. The check says which rows and why. */
public class HistoryRefusedException extends RuntimeException {

    private final HistoryCheck check;

    public HistoryRefusedException(HistoryCheck check, String message) {
        super(message);
        this.check = check;
    }

    public HistoryCheck check() {
        return check;
    }
}
