package nl.startpakket.referral.api.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sets the terms of a registered partner; answers whether anything changed. */
public record ChangePartnerTermsCommand(@TargetAggregateIdentifier String partnerId, PartnerTerms terms, String coordinator) {
}
