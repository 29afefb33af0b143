package nl.startpakket.referral.api;

/**
 * What the referral's events carry only encrypted ({@link nl.startpakket.events.SealedData} with
 * the referral's own data key): the delivery details (parent, address, phone, e-mail, notes, due
 * or birth date) and the household key, which is pseudonymous (a keyed hash of the address) and
 * so personal data too. Deleting the key erases every stored copy.
 */
public record ReferralPersonalData(DeliveryDetails details, String householdKey) {
}
