package nl.startpakket.referral.api.partner;

import java.util.List;
import nl.startpakket.referral.api.ReferralStatus;

/**
 * Where a partner's system hears of its referrals' status changes: an HTTPS address, the statuses
 * it wants (in {@link ReferralStatus} order, never empty) and whether it is active.
 */
public record WebhookSettings(String url, List<ReferralStatus> statuses, boolean active) {

    /** What a webhook may subscribe to: every status a referral can move to after submission. */
    public static final List<ReferralStatus> SUBSCRIBABLE = List.of(ReferralStatus.ACCEPTED, ReferralStatus.REJECTED,
            ReferralStatus.ON_HOLD, ReferralStatus.FUNDED, ReferralStatus.PACKING, ReferralStatus.PACKED, ReferralStatus.DELIVERED,
            ReferralStatus.CANCELLED);

    public WebhookSettings {
        statuses = statuses == null ? List.of() : SUBSCRIBABLE.stream().filter(statuses::contains).toList();
    }

    public boolean wants(ReferralStatus status) {
        return active && statuses.contains(status);
    }
}
