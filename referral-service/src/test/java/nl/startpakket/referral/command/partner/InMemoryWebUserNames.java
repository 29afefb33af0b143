package nl.startpakket.referral.command.partner;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The user name claims' contract in memory, for aggregate tests. */
class InMemoryWebUserNames implements WebUserNames {

    final Map<String, String> claims = new HashMap<>();

    @Override
    public Optional<String> claim(String username, String partnerId) {
        String holder = claims.putIfAbsent(username, partnerId);
        return holder == null || holder.equals(partnerId) ? Optional.empty() : Optional.of(holder);
    }

    @Override
    public void release(String username, String partnerId) {
        claims.remove(username, partnerId);
    }
}
