package nl.startpakket.referral.partner;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in web form user: a {@link User} that knows its partner. */
public class PartnerUserDetails extends User {

    private final String partnerId;

    public PartnerUserDetails(String username, String passwordHash, String partnerId, boolean enabled) {
        super(username, passwordHash, enabled, true, true, true, List.of(new SimpleGrantedAuthority(PartnerApiKeyFilter.PARTNER_ROLE)));
        this.partnerId = partnerId;
    }

    public String getPartnerId() {
        return partnerId;
    }
}
