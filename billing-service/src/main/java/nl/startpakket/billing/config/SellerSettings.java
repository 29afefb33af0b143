package nl.startpakket.billing.config;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import nl.startpakket.billing.api.SellerParty;

/**
 * The foundation as seller on its invoices, from {@code startpakket.billing.seller.*}: what the
 * e-invoice rules need of it (address, KvK number, VAT number, IBAN, electronic address), each
 * value checked for its form. Under profile {@code demo} an unset value gets a demo value of the
 * right form (a real-format KvK, a valid-checksum IBAN); anywhere else an unset value, a value
 * of the wrong form or a demo value refuses the start, naming the property.
 */
public final class SellerSettings {

    private static final String PREFIX = "startpakket.billing.seller.";
    private static final Pattern KVK = Pattern.compile("\\d{8}");
    private static final Pattern VAT_NUMBER = Pattern.compile("[A-Z]{2}[0-9A-Z+*.]{2,12}");
    private static final Pattern DUTCH_VAT_NUMBER = Pattern.compile("NL\\d{9}B\\d{2}");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern EAS = Pattern.compile("\\d{4}");

    /** The demo values that identify no one: anywhere but in the demo they are placeholders. */
    private static final Set<String> PLACEHOLDERS_OUTSIDE_DEMO = Set.of("street", "chamber-of-commerce", "vat-number", "iban");

    /** The demo stack's foundation: values of the right form that belong to no one. */
    static final BillingProperties.Seller DEMO = demo();

    private SellerSettings() {
    }

    /** The seller of every document, or {@link Refused} naming the first property that is not fit for e-invoices. */
    public static SellerParty resolve(BillingProperties.Seller configured, boolean demoProfile) {
        Values values = new Values(configured, demoProfile);
        String name = values.required("name", BillingProperties.Seller::getName);
        String street = values.required("street", BillingProperties.Seller::getStreet);
        String postalCode = values.required("postal-code", BillingProperties.Seller::getPostalCode);
        String city = values.required("city", BillingProperties.Seller::getCity);
        String country = values.required("country-code", BillingProperties.Seller::getCountryCode).toUpperCase(Locale.ROOT);
        values.check("country-code", COUNTRY.matcher(country).matches(), country, "an ISO 3166 country code such as NL");
        String kvk = values.required("chamber-of-commerce", BillingProperties.Seller::getChamberOfCommerce);
        values.check("chamber-of-commerce", KVK.matcher(kvk).matches() && !kvk.equals("00000000"), kvk,
                "the foundation's KvK number of 8 digits");
        String vat = values.required("vat-number", BillingProperties.Seller::getVatNumber).replace(" ", "")
                .toUpperCase(Locale.ROOT);
        values.check("vat-number", "NL".equals(country) ? DUTCH_VAT_NUMBER.matcher(vat).matches()
                : VAT_NUMBER.matcher(vat).matches(), vat, "the foundation's VAT number, e.g. NL123456789B01");
        String iban = values.required("iban", BillingProperties.Seller::getIban).replace(" ", "").toUpperCase(Locale.ROOT);
        values.check("iban", validIban(iban), iban, "an IBAN with a valid check sum");
        String email = values.optional(BillingProperties.Seller::getEmail);
        String endpointScheme = values.required("endpoint-scheme", BillingProperties.Seller::getEndpointScheme);
        values.check("endpoint-scheme", EAS.matcher(endpointScheme).matches(), endpointScheme,
                "a Peppol EAS code such as 0106 (KvK)");
        String endpointId = values.optional(BillingProperties.Seller::getEndpointId);
        if (endpointId == null && "0106".equals(endpointScheme)) {
            endpointId = kvk;
        }
        values.check("endpoint-id", endpointId != null, null, "the foundation's electronic address under scheme "
                + endpointScheme);
        return new SellerParty(name, street, postalCode, city, country, kvk, vat, iban, email, endpointScheme, endpointId);
    }

    /** ISO 13616: the country code and check digits moved to the end, letters as numbers, mod 97 is 1. */
    static boolean validIban(String iban) {
        if (!IBAN.matcher(iban).matches()) {
            return false;
        }
        StringBuilder digits = new StringBuilder();
        for (char c : (iban.substring(4) + iban.substring(0, 4)).toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    private static BillingProperties.Seller demo() {
        BillingProperties.Seller demo = new BillingProperties.Seller();
        demo.setStreet("Voorbeeldstraat 1");
        demo.setPostalCode("1271 AB");
        demo.setCity("Huizen");
        demo.setChamberOfCommerce("81726354");
        demo.setVatNumber("NL817263548B01");
        demo.setIban("NL91ABNA0417164300");
        demo.setEmail("administratie@babystartpakket.example");
        return demo;
    }

    /** The configured values, the demo's filling the gaps under profile demo. */
    private record Values(BillingProperties.Seller configured, boolean demoProfile) {

        String optional(Function<BillingProperties.Seller, String> property) {
            String value = property.apply(configured);
            if ((value == null || value.isBlank()) && demoProfile) {
                value = property.apply(DEMO);
            }
            return value == null || value.isBlank() ? null : value.strip();
        }

        String required(String name, Function<BillingProperties.Seller, String> property) {
            String value = optional(property);
            if (value == null) {
                throw new Refused(name, "is not set");
            }
            if (!demoProfile && PLACEHOLDERS_OUTSIDE_DEMO.contains(name) && value.equalsIgnoreCase(property.apply(DEMO))) {
                throw new Refused(name, "is the demo value " + value + " (the demo stack's only)");
            }
            return value;
        }

        void check(String name, boolean fits, String value, String expected) {
            if (!fits) {
                throw new Refused(name, (value == null ? "is not set" : "is " + value) + ", not " + expected);
            }
        }
    }

    /** A seller setting that e-invoices cannot be issued with: the service does not start. */
    public static final class Refused extends IllegalStateException {

        private final String property;

        Refused(String name, String problem) {
            super(PREFIX + name + " " + problem + ": set it (environment variable " + environmentVariable(name)
                    + ") or run with profile demo");
            this.property = PREFIX + name;
        }

        public String property() {
            return property;
        }

        private static String environmentVariable(String name) {
            return (PREFIX + name).replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT);
        }
    }
}
