package nl.startpakket.referral.history;

/**
 * An import that stopped before every row was in the log (the event store kept refusing, the
 * service is stopping): what was stored stays, and importing the same file again resumes it.
 */
public class HistoricImportInterruptedException extends RuntimeException {

    private final String importId;

    public HistoricImportInterruptedException(String importId, Throwable cause) {
        super("The import " + importId + " stopped before every row was in: import the same file again to complete it.", cause);
        this.importId = importId;
    }

    public String importId() {
        return importId;
    }
}
