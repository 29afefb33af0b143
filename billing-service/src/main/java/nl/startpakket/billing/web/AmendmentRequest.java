package nl.startpakket.billing.web;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Body of {@code POST /api/v1/contracts/{contractId}/amendments}: what changes, and why. */
public record AmendmentRequest(
        @Positive Integer maxPackages,
        @Positive @Digits(integer = 9, fraction = 2) BigDecimal budget,
        LocalDate validTo,
        @Size(max = 500) String reason) {
}
