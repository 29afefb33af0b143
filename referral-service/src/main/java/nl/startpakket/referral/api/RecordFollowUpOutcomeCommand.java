package nl.startpakket.referral.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The social team of {@code municipality} records how the follow-up of a delivered package went. */
public record RecordFollowUpOutcomeCommand(
        @TargetAggregateIdentifier String referralId,
        FollowUpOutcome outcome,
        String municipality,
        String recordedBy) {
}
