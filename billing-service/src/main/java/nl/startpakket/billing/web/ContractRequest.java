package nl.startpakket.billing.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import nl.startpakket.billing.api.ContractTerms;
import nl.startpakket.billing.api.InvoicePeriod;
import nl.startpakket.billing.api.InvoiceRecipient;
import nl.startpakket.billing.api.InvoicingDetails;
import nl.startpakket.billing.api.Money;
import nl.startpakket.billing.api.VatTreatment;
import nl.startpakket.billing.config.BillingProperties;
import nl.startpakket.platform.municipalities.CurrentMunicipality;

/**
 * Body of {@code PUT /api/v1/contracts/{contractId}}. Amounts in EUR as decimal strings.
 * {@code municipality} is a current municipality of the CBS register (a code that ceased is
 * refused naming its successor). {@code invoiceRecipient} and {@code vat} are optional: without
 * them the recipient is "Gemeente &lt;official name&gt;" with the contract id as buyer reference,
 * and VAT is the configured default. Such a contract can be registered, but the official
 * e-invoice rules refuse its invoices until the recipient has a postal address and an electronic
 * address ({@code endpointScheme} 0190 with the municipality's OIN, or its Peppol id).
 */
public record ContractRequest(
        @NotNull @Pattern(regexp = "GM\\d{4}", message = "must be a CBS municipality code such as GM0406") @CurrentMunicipality
        String municipality,
        @NotNull LocalDate validFrom,
        @NotNull LocalDate validTo,
        @NotNull @Valid PricePerPackage pricePerPackage,
        @Positive Integer maxPackages,
        @Positive @Digits(integer = 9, fraction = 2) BigDecimal budget,
        @NotNull InvoicePeriod invoicePeriod,
        @Valid Recipient invoiceRecipient,
        @Valid Vat vat) {

    /** Price per package per phase. */
    public record PricePerPackage(
            @JsonProperty("BABY") @NotNull @Positive @Digits(integer = 7, fraction = 2) BigDecimal baby,
            @JsonProperty("TODDLER") @NotNull @Positive @Digits(integer = 7, fraction = 2) BigDecimal toddler) {
    }

    /** Invoice recipient: the municipality's department, address and the reference it wants on invoices. */
    public record Recipient(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String street,
            @Size(max = 20) String postalCode,
            @Size(max = 100) String city,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as NL") String countryCode,
            @NotBlank @Size(max = 100) String buyerReference,
            @Size(max = 100) String purchaseOrder,
            @Pattern(regexp = "\\d{4}", message = "must be a Peppol EAS code such as 0190") String endpointScheme,
            @Size(max = 100) String endpointId) {
    }

    /** VAT treatment: category (S, Z, E, AE, O), rate in percent, exemption text for exempt categories. */
    public record Vat(
            @NotNull @Pattern(regexp = "S|Z|E|AE|O", message = "must be one of S, Z, E, AE, O") String category,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal rate,
            @Size(max = 300) String exemptionReason) {
    }

    ContractTerms toTerms() {
        return new ContractTerms(municipality, validFrom, validTo, Money.eur(pricePerPackage.baby()),
                Money.eur(pricePerPackage.toddler()), maxPackages, Money.eur(budget), invoicePeriod);
    }

    InvoicingDetails toInvoicing(String contractId, String municipalityName, BillingProperties.DefaultVat defaultVat) {
        InvoiceRecipient recipient = invoiceRecipient == null
                ? InvoiceRecipient.defaultFor(municipalityName, contractId)
                : new InvoiceRecipient(invoiceRecipient.name(), invoiceRecipient.street(), invoiceRecipient.postalCode(),
                invoiceRecipient.city(), invoiceRecipient.countryCode() == null ? "NL" : invoiceRecipient.countryCode(),
                invoiceRecipient.buyerReference(), invoiceRecipient.purchaseOrder(), invoiceRecipient.endpointScheme(),
                invoiceRecipient.endpointId());
        return new InvoicingDetails(recipient, toVat(defaultVat));
    }

    /** The VAT treatment the request names, or the configured default when it names none. */
    VatTreatment toVat(BillingProperties.DefaultVat defaultVat) {
        return vat == null
                ? new VatTreatment(defaultVat.getCategory(), defaultVat.getRatePercent(), defaultVat.getExemptionReason())
                : new VatTreatment(vat.category(), vat.rate(), vat.exemptionReason());
    }
}
