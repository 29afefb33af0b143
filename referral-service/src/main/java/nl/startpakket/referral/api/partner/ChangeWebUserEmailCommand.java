package nl.startpakket.referral.api.partner;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets (or, with {@code email} null, removes) the address at which a web form user hears of the
 * partner's referrals' status changes, and the language of those e-mails ({@code nl} or {@code en}).
 */
public record ChangeWebUserEmailCommand(@TargetAggregateIdentifier String partnerId, String username, String email,
                                        String language, String coordinator) {
}
