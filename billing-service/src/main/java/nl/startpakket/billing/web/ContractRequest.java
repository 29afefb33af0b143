package nl.startpakket.billing.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.LocalDate;
import nl.startpakket.billing.api.ContractTerms;
import nl.startpakket.billing.api.InvoicePeriod;
import nl.startpakket.billing.api.Money;

/** Body of {@code PUT /api/v1/contracts/{contractId}}. Amounts in EUR as decimal strings. */
public record ContractRequest(
        @NotNull @Pattern(regexp = "GM\\d{4}", message = "must be a CBS municipality code such as GM0406") String municipality,
        @NotNull LocalDate validFrom,
        @NotNull LocalDate validTo,
        @NotNull @Valid PricePerPackage pricePerPackage,
        @Positive Integer maxPackages,
        @Positive @Digits(integer = 9, fraction = 2) BigDecimal budget,
        @NotNull InvoicePeriod invoicePeriod) {

    /** Price per package per phase. */
    public record PricePerPackage(
            @JsonProperty("BABY") @NotNull @Positive @Digits(integer = 7, fraction = 2) BigDecimal baby,
            @JsonProperty("TODDLER") @NotNull @Positive @Digits(integer = 7, fraction = 2) BigDecimal toddler) {
    }

    ContractTerms toTerms() {
        return new ContractTerms(municipality, validFrom, validTo, Money.eur(pricePerPackage.baby()),
                Money.eur(pricePerPackage.toddler()), maxPackages, Money.eur(budget), invoicePeriod);
    }
}
