package nl.startpakket.fulfilment.api;

/** The parent as the package is addressed (personal data: stays in this service). */
public record Recipient(
        String name,
        String street,
        String houseNumber,
        String postalCode,
        String city,
        String phone,
        String email) {
}
