package nl.startpakket.referral.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import nl.startpakket.events.Phase;
import nl.startpakket.referral.api.ReferralStatus;
import nl.startpakket.referral.query.ReferralView;

/** A referral as its partner sees it, with its history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferralResponse(
        @Schema(example = "R-5b8e9c1a-3f0d-4d7e-b2a4-0c9e8f7d6a51") String referralId,
        @Schema(example = "GM0406") String municipality,
        Phase phase,
        ReferralStatus status,
        @Schema(description = "Why it was rejected, e.g. DUPLICATE.") String rejectionReason,
        @Schema(description = "For a DUPLICATE: the status of the first referral of this household (not who referred it).")
        ReferralStatus firstReferralStatus,
        @Schema(description = "For a cancelled referral: the reason code.") String cancellationReason,
        boolean consentFollowUp,
        @Schema(description = "When the personal data of this referral was erased (on request or by the retention rule); "
                + "status and history stay.") Instant personalDataErasedAt,
        List<HistoryItem> history) {

    /** One change: the status it showed (or the stage reported), when, and what happened. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryItem(ReferralStatus status, Instant at, String event, String detail) {
    }

    static ReferralResponse of(ReferralView view) {
        return new ReferralResponse(view.getReferralId(), view.getMunicipality(), view.getPhase(), view.getStatus(),
                view.getRejectionReason(), view.getFirstReferralStatus(), view.getCancellationReason(), view.isConsentFollowUp(), view.getErasedAt(),
                view.getHistory().stream().map(h -> new HistoryItem(h.status(), h.at(), h.event(), h.detail())).toList());
    }
}
