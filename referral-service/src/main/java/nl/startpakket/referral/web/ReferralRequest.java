package nl.startpakket.referral.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;

/** The body of {@code POST /api/v1/referrals}. Checked by {@link ReferralRules}, field by field. */
@Schema(description = "A referral of one parent for one package phase.")
public record ReferralRequest(
        @Schema(description = "CBS code of the municipality the parent lives in; the partner must be registered for it.",
                example = "GM0406", requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^GM[0-9]{4}$")
        String municipality,
        @Schema(description = "BABY (during pregnancy) or TODDLER.", example = "BABY", requiredMode = Schema.RequiredMode.REQUIRED)
        Phase phase,
        @Schema(description = "BABY only, required: the expected due date (at most 4 weeks past, at most 42 weeks ahead).",
                example = "2026-09-15")
        LocalDate expectedDueDate,
        @Schema(description = "TODDLER only, required: the child's birth date (child between 3 and 24 months old).",
                example = "2025-11-02")
        LocalDate childBirthDate,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        ParentRequest parent,
        @Schema(description = "How the package reaches the family.", example = "HOME_DELIVERY",
                requiredMode = Schema.RequiredMode.REQUIRED)
        DeliveryMethod deliveryMethod,
        @Schema(description = "Whether the parent agrees to be contacted about further help (income support, parenting help).",
                example = "true", requiredMode = Schema.RequiredMode.REQUIRED)
        Boolean consentFollowUp,
        @Schema(description = "Anything the packers or the carrier should know (max 1000 characters).", example = "Ring twice")
        String notes) {

    /** The parent as the package is addressed. */
    public record ParentRequest(
            @Schema(example = "A. Jansen", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200) String name,
            @Schema(example = "Voorbeeldstraat", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200) String street,
            @Schema(description = "House number with an optional addition.", example = "12a",
                    requiredMode = Schema.RequiredMode.REQUIRED) String houseNumber,
            @Schema(description = "Dutch postal code, four digits and two letters.", example = "1271 AB",
                    requiredMode = Schema.RequiredMode.REQUIRED) String postalCode,
            @Schema(example = "Huizen", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String city,
            @Schema(example = "0612345678") String phone,
            @Schema(example = "parent@example.org") String email) {
    }
}
