package nl.startpakket.referral.api.history;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Every row of the import is in the log.
 *
 * @param imported       rows that became a referral now
 * @param alreadyPresent rows whose referral an earlier import (another file with the same row) brought already
 */
public record CompleteHistoricImportCommand(@TargetAggregateIdentifier String importId, int imported, int alreadyPresent) {
}
