package nl.startpakket.billing.api;

/**
 * Who receives the contract's invoices: the municipality's name and address, the buyer
 * reference (Peppol BIS / SI-UBL require one: the reference or PO number the municipality wants
 * on its invoices), an optional purchase order number and the electronic address for e-invoices
 * ({@code endpointScheme} e.g. {@code 0190} for an OIN, with {@code endpointId}).
 */
public record InvoiceRecipient(
        String name,
        String street,
        String postalCode,
        String city,
        String countryCode,
        String buyerReference,
        String purchaseOrder,
        String endpointScheme,
        String endpointId) {

    /** "Gemeente &lt;official name&gt;", the contract id as buyer reference, no address. */
    public static InvoiceRecipient defaultFor(String municipalityName, String contractId) {
        return new InvoiceRecipient("Gemeente " + municipalityName, null, null, null, "NL", contractId, null, null, null);
    }
}
