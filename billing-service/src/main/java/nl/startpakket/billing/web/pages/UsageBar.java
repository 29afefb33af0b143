package nl.startpakket.billing.web.pages;

import nl.startpakket.billing.query.ContractDocument;
import nl.startpakket.billing.query.ContractUsage;

/**
 * Widths (percent of the bar) of delivered, reserved and remaining packages, and the on-hold
 * share drawn beyond the cap. The scale is the cap, or without cap what is used and waiting.
 */
public record UsageBar(int delivered, int reserved, int remaining, int onHold, long scale, boolean capped) {

    static UsageBar of(ContractDocument contract, ContractUsage usage) {
        long used = usage.reserved() + usage.delivered();
        boolean capped = contract.maxPackages() != null;
        long scale = capped ? Math.max(contract.maxPackages(), used) + usage.onHold()
                : Math.max(1, used + usage.onHold());
        long remaining = capped ? Math.max(0, contract.maxPackages() - used) : 0;
        return new UsageBar(pct(usage.delivered(), scale), pct(usage.reserved(), scale), pct(remaining, scale),
                pct(usage.onHold(), scale), scale, capped);
    }

    private static int pct(long part, long whole) {
        return whole == 0 ? 0 : (int) Math.round(part * 100.0 / whole);
    }
}
