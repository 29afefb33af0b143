package nl.startpakket.billing.web.pages;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;
import nl.startpakket.billing.api.InvoicePeriod;
import nl.startpakket.billing.web.ContractRequest;
import org.springframework.validation.BindingResult;

/**
 * The new-contract form as typed (strings, so a form with errors comes back as it was entered).
 * It becomes a {@link ContractRequest}, the API's body, and is checked by the API's validation;
 * the invoice recipient and the VAT treatment are left to the API's defaults while all their
 * fields are empty.
 */
public class ContractForm {

    /** The form's field for each field of the request; a request field not named here is the form's as a whole. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("contractId", "contractId"), Map.entry("municipality", "municipality"),
            Map.entry("validFrom", "validFrom"), Map.entry("validTo", "validTo"),
            Map.entry("pricePerPackage", "priceBaby"), Map.entry("pricePerPackage.baby", "priceBaby"),
            Map.entry("pricePerPackage.toddler", "priceToddler"), Map.entry("maxPackages", "maxPackages"),
            Map.entry("budget", "budget"), Map.entry("invoicePeriod", "invoicePeriod"),
            Map.entry("invoiceRecipient", "recipientName"), Map.entry("invoiceRecipient.name", "recipientName"),
            Map.entry("invoiceRecipient.street", "recipientStreet"),
            Map.entry("invoiceRecipient.postalCode", "recipientPostalCode"),
            Map.entry("invoiceRecipient.city", "recipientCity"), Map.entry("invoiceRecipient.buyerReference", "buyerReference"),
            Map.entry("invoiceRecipient.endpointScheme", "endpointScheme"),
            Map.entry("invoiceRecipient.endpointId", "endpointId"),
            Map.entry("vat", "vatCategory"), Map.entry("vat.category", "vatCategory"), Map.entry("vat.rate", "vatRate"),
            Map.entry("vat.exemptionReason", "vatExemptionReason"));
    private static final String DATE = "contract.form.date";
    private static final String AMOUNT = "contract.form.amount";

    private String contractId;
    private String municipality;
    private String validFrom;
    private String validTo;
    private String priceBaby;
    private String priceToddler;
    private String maxPackages;
    private String budget;
    private String invoicePeriod = InvoicePeriod.MONTHLY.name();
    private String recipientName;
    private String recipientStreet;
    private String recipientPostalCode;
    private String recipientCity;
    private String buyerReference;
    private String endpointScheme;
    private String endpointId;
    private String vatCategory;
    private String vatRate;
    private String vatExemptionReason;

    /** The form field that shows an error of the request's field, or null for an error of the whole form. */
    static String fieldOf(String requestField) {
        return FIELDS.get(requestField);
    }

    /** Whether any invoice recipient field is filled in (the recipient is then the one typed, not the default). */
    public boolean isRecipientGiven() {
        return !allBlank(recipientName, recipientStreet, recipientPostalCode, recipientCity, buyerReference, endpointScheme,
                endpointId);
    }

    /** Whether any VAT field is filled in (the treatment is then the one typed, not the default). */
    public boolean isVatGiven() {
        return !allBlank(vatCategory, vatRate, vatExemptionReason);
    }

    /** The contract id as typed, without the spaces around it. */
    String id() {
        return trimmed(contractId);
    }

    /**
     * The API's request for what was typed. What cannot be read (a date, number or amount) is
     * rejected on its field in {@code binding} and is missing from the request.
     */
    ContractRequest toRequest(BindingResult binding) {
        ContractRequest.Recipient recipient = !isRecipientGiven() ? null
                : new ContractRequest.Recipient(trimmed(recipientName), trimmed(recipientStreet), trimmed(recipientPostalCode),
                trimmed(recipientCity), null, trimmed(buyerReference), null, trimmed(endpointScheme), trimmed(endpointId));
        ContractRequest.Vat vat = !isVatGiven() ? null
                : new ContractRequest.Vat(trimmed(vatCategory), parse("vatRate", vatRate, ContractForm::amount, AMOUNT, binding),
                trimmed(vatExemptionReason));
        return new ContractRequest(trimmed(municipality),
                parse("validFrom", validFrom, LocalDate::parse, DATE, binding),
                parse("validTo", validTo, LocalDate::parse, DATE, binding),
                new ContractRequest.PricePerPackage(parse("priceBaby", priceBaby, ContractForm::amount, AMOUNT, binding),
                        parse("priceToddler", priceToddler, ContractForm::amount, AMOUNT, binding)),
                parse("maxPackages", maxPackages, Integer::valueOf, "contract.form.number", binding),
                parse("budget", budget, ContractForm::amount, AMOUNT, binding),
                parse("invoicePeriod", invoicePeriod, InvoicePeriod::valueOf, "contract.form.choice", binding),
                recipient, vat);
    }

    /** An amount as typed in Dutch or English: {@code 80}, {@code 80,00} or {@code 80.00}. */
    private static BigDecimal amount(String typed) {
        return new BigDecimal(typed.replace(',', '.'));
    }

    private static <T> T parse(String field, String typed, Function<String, T> reader, String unreadable, BindingResult binding) {
        String value = trimmed(typed);
        if (value == null) {
            return null;
        }
        try {
            return reader.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            binding.rejectValue(field, unreadable);
            return null;
        }
    }

    private static boolean allBlank(String... values) {
        for (String value : values) {
            if (trimmed(value) != null) {
                return false;
            }
        }
        return true;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String getContractId() { return contractId; }
    public void setContractId(String contractId) { this.contractId = contractId; }
    public String getMunicipality() { return municipality; }
    public void setMunicipality(String municipality) { this.municipality = municipality; }
    public String getValidFrom() { return validFrom; }
    public void setValidFrom(String validFrom) { this.validFrom = validFrom; }
    public String getValidTo() { return validTo; }
    public void setValidTo(String validTo) { this.validTo = validTo; }
    public String getPriceBaby() { return priceBaby; }
    public void setPriceBaby(String priceBaby) { this.priceBaby = priceBaby; }
    public String getPriceToddler() { return priceToddler; }
    public void setPriceToddler(String priceToddler) { this.priceToddler = priceToddler; }
    public String getMaxPackages() { return maxPackages; }
    public void setMaxPackages(String maxPackages) { this.maxPackages = maxPackages; }
    public String getBudget() { return budget; }
    public void setBudget(String budget) { this.budget = budget; }
    public String getInvoicePeriod() { return invoicePeriod; }
    public void setInvoicePeriod(String invoicePeriod) { this.invoicePeriod = invoicePeriod; }
    public String getRecipientName() { return recipientName; }
    public void setRecipientName(String recipientName) { this.recipientName = recipientName; }
    public String getRecipientStreet() { return recipientStreet; }
    public void setRecipientStreet(String recipientStreet) { this.recipientStreet = recipientStreet; }
    public String getRecipientPostalCode() { return recipientPostalCode; }
    public void setRecipientPostalCode(String recipientPostalCode) { this.recipientPostalCode = recipientPostalCode; }
    public String getRecipientCity() { return recipientCity; }
    public void setRecipientCity(String recipientCity) { this.recipientCity = recipientCity; }
    public String getBuyerReference() { return buyerReference; }
    public void setBuyerReference(String buyerReference) { this.buyerReference = buyerReference; }
    public String getEndpointScheme() { return endpointScheme; }
    public void setEndpointScheme(String endpointScheme) { this.endpointScheme = endpointScheme; }
    public String getEndpointId() { return endpointId; }
    public void setEndpointId(String endpointId) { this.endpointId = endpointId; }
    public String getVatCategory() { return vatCategory; }
    public void setVatCategory(String vatCategory) { this.vatCategory = vatCategory; }
    public String getVatRate() { return vatRate; }
    public void setVatRate(String vatRate) { this.vatRate = vatRate; }
    public String getVatExemptionReason() { return vatExemptionReason; }
    public void setVatExemptionReason(String vatExemptionReason) { this.vatExemptionReason = vatExemptionReason; }
}
