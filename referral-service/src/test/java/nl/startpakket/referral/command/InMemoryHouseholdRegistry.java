package nl.startpakket.referral.command;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.startpakket.events.Phase;
import nl.startpakket.referral.api.ReferralStatus;

/** The household registry's contract in memory, for aggregate tests. */
class InMemoryHouseholdRegistry implements HouseholdRegistry {

    final Map<String, String> claims = new HashMap<>();
    final Map<String, ReferralStatus> statuses = new HashMap<>();

    @Override
    public Optional<String> claim(String householdKey, Phase phase, String referralId) {
        String holder = claims.putIfAbsent(householdKey + "|" + phase, referralId);
        return holder == null || holder.equals(referralId) ? Optional.empty() : Optional.of(holder);
    }

    @Override
    public void release(String householdKey, Phase phase, String referralId) {
        claims.remove(householdKey + "|" + phase, referralId);
    }

    @Override
    public Optional<ReferralStatus> statusOf(String referralId) {
        return Optional.ofNullable(statuses.get(referralId));
    }

    boolean holds(String householdKey, Phase phase, String referralId) {
        return referralId.equals(claims.get(householdKey + "|" + phase));
    }
}
