package nl.startpakket.referral.history;

/** The upload is no CSV or XLSX file that can be read, or lacks a column that is required: nothing in it is checked. */
public class UnreadableHistoryFileException extends RuntimeException {

    private final String type;

    public UnreadableHistoryFileException(String type, String message) {
        super(message);
        this.type = type;
    }

    /** A stable problem type: {@code history-file-unreadable}, {@code history-file-columns}, {@code history-file-empty}. */
    public String type() {
        return type;
    }
}
