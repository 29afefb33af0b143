package nl.startpakket.referral.api.history;

/** A historic row that breaks a rule of {@code HistoricRowRules}: the reason is for the coordinator. */
public class HistoricRowRefusedException extends RuntimeException {

    public HistoricRowRefusedException(String reason) {
        super(reason);
    }
}
