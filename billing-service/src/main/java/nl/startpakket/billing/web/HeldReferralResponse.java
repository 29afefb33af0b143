package nl.startpakket.billing.web;

import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.billing.query.FundingStatusDocument;

/** A referral waiting for funding, at its place in the queue (1 = funded first). Pseudonymous: no personal data. */
public record HeldReferralResponse(
        int position,
        String referralId,
        String municipality,
        String contractId,
        String phase,
        LocalDate referralDate,
        String reason,
        Instant heldSince) {

    static HeldReferralResponse of(int position, FundingStatusDocument s) {
        return new HeldReferralResponse(position, s.referralId(), s.municipality(), s.contractId(), s.phase(),
                s.referralDate(), s.reason(), s.since());
    }
}
