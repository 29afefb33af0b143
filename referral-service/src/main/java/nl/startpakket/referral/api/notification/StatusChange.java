package nl.startpakket.referral.api.notification;

import java.time.Instant;
import nl.startpakket.referral.api.ReferralStatus;

/**
 * What a notification tells: the referral, its new status, the reason code where there is one
 * (rejected, on hold, cancelled), and when. Nothing the partner does not know already, no personal
 * data. {@code sequence} is the number of the referral's event that made the change: it orders a
 * referral's notifications.
 */
public record StatusChange(String referralId, ReferralStatus status, String reason, Instant at, long sequence) {
}
