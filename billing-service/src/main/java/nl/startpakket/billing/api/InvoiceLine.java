package nl.startpakket.billing.api;

import java.time.LocalDate;
import nl.startpakket.events.Phase;

/** One delivered package on an invoice: the pseudonymous referral reference, delivery date, phase and price. */
public record InvoiceLine(String referralId, Phase phase, LocalDate deliveredOn, Money amount) {
}
