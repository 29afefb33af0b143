package nl.startpakket.referral.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import nl.startpakket.referral.api.ReferralStatus;
import nl.startpakket.referral.api.SubmissionOutcome;

/** The answer to a submission: the new referral's id and the decision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralCreatedResponse(
        @Schema(example = "R-5b8e9c1a-3f0d-4d7e-b2a4-0c9e8f7d6a51") String referralId,
        @Schema(description = "ACCEPTED, or REJECTED with a reason.", example = "ACCEPTED") ReferralStatus status,
        @Schema(description = "Why it was rejected, e.g. DUPLICATE.") String reason,
        @Schema(description = "For a DUPLICATE: the status of the household's first referral of this phase.")
        ReferralStatus firstReferralStatus) {

    static ReferralCreatedResponse of(SubmissionOutcome outcome) {
        return new ReferralCreatedResponse(outcome.referralId(), outcome.status(), outcome.reason(), outcome.firstReferralStatus());
    }
}
