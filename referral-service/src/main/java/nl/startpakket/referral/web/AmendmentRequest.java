package nl.startpakket.referral.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import nl.startpakket.events.DeliveryMethod;

/** Corrections before packing starts; leave out what stays the same. {@code parent} replaces the whole address. */
@Schema(description = "Corrections to a referral before packing starts. Fields left out stay as they are.")
public record AmendmentRequest(
        @Schema(description = "BABY only: the corrected due date.", example = "2026-09-29") LocalDate expectedDueDate,
        @Schema(description = "TODDLER only: the corrected birth date.") LocalDate childBirthDate,
        @Schema(description = "The parent's complete new name and address.") ReferralRequest.ParentRequest parent,
        @Schema(example = "PICKUP_BY_INTERMEDIARY") DeliveryMethod deliveryMethod,
        @Schema(description = "New notes; an empty string removes them.") String notes) {

    boolean isEmpty() {
        return expectedDueDate == null && childBirthDate == null && parent == null && deliveryMethod == null && notes == null;
    }
}
