package nl.startpakket.referral.api.history;

/** What {@link StartHistoricImportCommand} found. */
public enum HistoricImportStart {
    /** A new file: its rows are to be imported. */
    STARTED,
    /** The file's import began before and did not complete (a crash, a timeout): its rows are imported again, each only once. */
    RESUMED,
    /** The file was imported: nothing is to be done, nothing was emitted. */
    ALREADY_IMPORTED
}
