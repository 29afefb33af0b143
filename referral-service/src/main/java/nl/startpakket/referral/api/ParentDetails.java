package nl.startpakket.referral.api;

/** The parent as the package is addressed. Personal data: stays in this service and fulfilment. */
public record ParentDetails(
        String name,
        String street,
        String houseNumber,
        String postalCode,
        String city,
        String phone,
        String email) {
}
