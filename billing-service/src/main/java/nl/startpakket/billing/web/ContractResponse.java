package nl.startpakket.billing.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.startpakket.billing.api.InvoiceRecipient;
import nl.startpakket.billing.query.ContractDocument;
import nl.startpakket.billing.query.ContractUsage;
import nl.startpakket.billing.query.UsageWarningDocument;

/** A contract's terms, invoicing details and usage, as {@code GET /api/v1/contracts/{contractId}} answers. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ContractResponse(
        String contractId,
        String municipality,
        LocalDate validFrom,
        LocalDate validTo,
        PricePerPackage pricePerPackage,
        Integer maxPackages,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal budget,
        String invoicePeriod,
        InvoiceRecipient invoiceRecipient,
        Vat vat,
        Usage usage,
        List<Warning> warnings) {

    public record PricePerPackage(
            @JsonProperty("BABY") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal baby,
            @JsonProperty("TODDLER") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal toddler) {
    }

    public record Vat(String category, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal rate,
                      String exemptionReason) {
    }

    public record Usage(
            long reserved,
            long delivered,
            long onHold,
            Long remaining,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal committedAmount,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal invoicedAmount,
            LocalDate forecastCapReachedOn) {
    }

    public record Warning(String measure, int thresholdPercent, Instant reachedAt) {
    }

    static ContractResponse of(ContractDocument c, ContractUsage usage, List<UsageWarningDocument> warnings) {
        return new ContractResponse(c.contractId(), c.municipality(), c.validFrom(), c.validTo(),
                new PricePerPackage(scaled(c.babyPrice()), scaled(c.toddlerPrice())), c.maxPackages(), scaled(c.budget()),
                c.invoicePeriod(), c.recipient(),
                c.vat() == null ? null : new Vat(c.vat().category(), c.vat().ratePercent(), c.vat().exemptionReason()),
                new Usage(usage.reserved(), usage.delivered(), usage.onHold(), usage.remaining(),
                        usage.committedAmount(), usage.invoicedAmount(), usage.forecastCapReachedOn()),
                warnings.stream().map(w -> new Warning(w.measure(), w.thresholdPercent(), w.reachedAt())).toList());
    }

    private static BigDecimal scaled(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
