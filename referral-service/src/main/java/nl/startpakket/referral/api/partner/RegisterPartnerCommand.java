package nl.startpakket.referral.api.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers a new partner; refused when the id is taken. */
public record RegisterPartnerCommand(@TargetAggregateIdentifier String partnerId, PartnerTerms terms, String coordinator) {
}
