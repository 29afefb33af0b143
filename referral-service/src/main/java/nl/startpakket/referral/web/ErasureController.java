package nl.startpakket.referral.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import nl.startpakket.platform.web.ApiProblemHandler.FieldProblem;
import nl.startpakket.referral.api.ReferralStatus;
import nl.startpakket.referral.config.OpenApiConfig;
import nl.startpakket.referral.privacy.ReferralErasure;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The right to erasure, for a COORDINATOR: the referral's personal data is crypto-shredded (its
 * data key deleted here, in fulfilment and on Kafka); status, history and counts stay. A referral
 * still under way is withdrawn first. Every erasure is in the audit trail.
 */
@RestController
// JSON only, decided before the handler runs: an unacceptable Accept is refused (406) before anything changes
@RequestMapping(path = "/api/v1/referrals/{referralId}/erasure", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Privacy", description = "Erasure of a referral's personal data (COORDINATOR).")
@SecurityRequirement(name = OpenApiConfig.STAFF)
public class ErasureController {

    private final ReferralErasure erasure;

    public ErasureController(ReferralErasure erasure) {
        this.erasure = erasure;
    }

    @Schema(description = "Why the data is erased, for the audit trail (e.g. 'request by phone, ticket 123'); no personal data.")
    public record ErasureRequest(@Schema(example = "Request of the parent via the midwife, ticket 2026-041",
            requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 500) String reason) {
    }

    public record ErasureResponse(String referralId, ReferralStatus status, Instant personalDataErasedAt, boolean erasedNow) {
    }

    @Operation(summary = "Erase a referral's personal data",
            description = "Idempotent: erasing again answers the first erasure with erasedNow=false.")
    @PostMapping
    public ErasureResponse erase(@PathVariable String referralId, @RequestBody ErasureRequest request, Authentication user) {
        String reason = request == null ? null : request.reason();
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ReferralIntake.invalid(List.of(new FieldProblem("reason", "Required, at most 500 characters.")));
        }
        ReferralErasure.Outcome outcome = erasure.onRequest(referralId, user.getName(), reason.trim())
                .orElseThrow(() -> ReferralIntake.notFound(referralId));
        return new ErasureResponse(referralId, outcome.status(), outcome.erasedAt(), outcome.erasedNow());
    }
}
