package nl.startpakket.billing.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;
import nl.startpakket.billing.query.ContractDocument;
import nl.startpakket.billing.query.ContractUsage;

/** A contract's terms and its usage, as {@code GET /api/v1/contracts/{contractId}} answers. */
public record ContractResponse(
        String contractId,
        String municipality,
        LocalDate validFrom,
        LocalDate validTo,
        PricePerPackage pricePerPackage,
        Integer maxPackages,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal budget,
        String invoicePeriod,
        Usage usage) {

    public record PricePerPackage(
            @JsonProperty("BABY") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal baby,
            @JsonProperty("TODDLER") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal toddler) {
    }

    public record Usage(
            long reserved,
            long delivered,
            long onHold,
            Long remaining,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal invoicedAmount) {
    }

    static ContractResponse of(ContractDocument c, ContractUsage usage) {
        return new ContractResponse(c.contractId(), c.municipality(), c.validFrom(), c.validTo(),
                new PricePerPackage(scaled(c.babyPrice()), scaled(c.toddlerPrice())), c.maxPackages(), scaled(c.budget()),
                c.invoicePeriod(), new Usage(usage.reserved(), usage.delivered(), usage.onHold(), usage.remaining(),
                usage.invoicedAmount()));
    }

    private static BigDecimal scaled(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_EVEN);
    }
}
