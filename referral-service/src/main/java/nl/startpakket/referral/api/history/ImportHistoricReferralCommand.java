package nl.startpakket.referral.api.history;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Brings one row of a historic file into the log as a referral of its own. The id is name-based on
 * the municipality and the row's key, so the same row of another (re-exported) file lands on the
 * same referral: the event store refuses it as a referral that exists (nothing changes).
 */
public record ImportHistoricReferralCommand(@TargetAggregateIdentifier String referralId, HistoricRow row, String importId) {
}
