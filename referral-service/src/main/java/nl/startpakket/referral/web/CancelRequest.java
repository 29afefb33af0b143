package nl.startpakket.referral.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** Why the referral is withdrawn: a code, so no personal data travels with it. */
public record CancelRequest(
        @Schema(description = "PREGNANCY_ENDED, MOVED_AWAY, NO_LONGER_NEEDED or OTHER.", example = "MOVED_AWAY",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String reason) {
}
