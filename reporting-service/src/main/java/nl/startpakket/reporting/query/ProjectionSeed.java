package nl.startpakket.reporting.query;

/** Facts that do not come from the log (the simulated demo history) and are put into every new version. */
public interface ProjectionSeed {

    void seed(int version);
}
