package nl.startpakket.billing.config;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the billing service under {@code startpakket.billing}: the foundation as seller on
 * its invoices, the VAT treatment a contract gets when it names none, and the invoicing schedule.
 */
@ConfigurationProperties(prefix = "startpakket.billing")
public class BillingProperties {

    private final Seller seller = new Seller();
    private final DefaultVat defaultVat = new DefaultVat();
    /** Cron of the scheduled invoice run (Spring syntax; "-" switches it off). */
    private String invoiceSchedule = "0 15 6 * * *";

    public Seller getSeller() {
        return seller;
    }

    public DefaultVat getDefaultVat() {
        return defaultVat;
    }

    public String getInvoiceSchedule() {
        return invoiceSchedule;
    }

    public void setInvoiceSchedule(String invoiceSchedule) {
        this.invoiceSchedule = invoiceSchedule;
    }

    /**
     * The foundation as it appears on invoices. The e-invoice rules need its address, KvK number,
     * VAT number, IBAN and electronic address: they have no defaults, and the service refuses to
     * start without them outside profile {@code demo} ({@link SellerSettings}).
     */
    public static class Seller {
        private String name = "Stichting Babystartpakket";
        private String street;
        private String postalCode;
        private String city;
        private String countryCode = "NL";
        /** Chamber of commerce number (KvK, 8 digits), the legal registration on Dutch invoices. */
        private String chamberOfCommerce;
        /** VAT number (btw-id, NL123456789B01): required on e-invoices, also for VAT-exempt packages. */
        private String vatNumber;
        /** The account the municipalities pay to (payment means: credit transfer). */
        private String iban;
        private String email;
        /** Peppol electronic address scheme (0106 = KvK) and id (default: the KvK number under 0106). */
        private String endpointScheme = "0106";
        private String endpointId;
        private int paymentTermDays = 30;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getStreet() { return street; }
        public void setStreet(String street) { this.street = street; }
        public String getPostalCode() { return postalCode; }
        public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
        public String getCity() { return city; }
        public void setCity(String city) { this.city = city; }
        public String getCountryCode() { return countryCode; }
        public void setCountryCode(String countryCode) { this.countryCode = countryCode; }
        public String getChamberOfCommerce() { return chamberOfCommerce; }
        public void setChamberOfCommerce(String chamberOfCommerce) { this.chamberOfCommerce = chamberOfCommerce; }
        public String getVatNumber() { return vatNumber; }
        public void setVatNumber(String vatNumber) { this.vatNumber = vatNumber; }
        public String getIban() { return iban; }
        public void setIban(String iban) { this.iban = iban; }
        public String getEmail() { return email; }
        public void setEmail(String email) { this.email = email; }
        public String getEndpointScheme() { return endpointScheme; }
        public void setEndpointScheme(String endpointScheme) { this.endpointScheme = endpointScheme; }
        public String getEndpointId() { return endpointId; }
        public void setEndpointId(String endpointId) { this.endpointId = endpointId; }
        public int getPaymentTermDays() { return paymentTermDays; }
        public void setPaymentTermDays(int paymentTermDays) { this.paymentTermDays = paymentTermDays; }
    }

    /** VAT for contracts that do not name their own treatment. */
    public static class DefaultVat {
        private String category = "E";
        private BigDecimal ratePercent = BigDecimal.ZERO;
        private String exemptionReason = "Vrijgesteld van btw / Exempt from VAT";

        public String getCategory() { return category; }
        public void setCategory(String category) { this.category = category; }
        public BigDecimal getRatePercent() { return ratePercent; }
        public void setRatePercent(BigDecimal ratePercent) { this.ratePercent = ratePercent; }
        public String getExemptionReason() { return exemptionReason; }
        public void setExemptionReason(String exemptionReason) { this.exemptionReason = exemptionReason; }
    }
}
