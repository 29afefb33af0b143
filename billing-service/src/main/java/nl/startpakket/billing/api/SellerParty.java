package nl.startpakket.billing.api;

/** The foundation as it appeared on a document when it was issued. */
public record SellerParty(
        String name,
        String street,
        String postalCode,
        String city,
        String countryCode,
        String chamberOfCommerce,
        String vatNumber,
        String iban,
        String email,
        String endpointScheme,
        String endpointId) {
}
