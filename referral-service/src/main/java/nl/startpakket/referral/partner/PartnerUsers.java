package nl.startpakket.referral.partner;

import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * The web form's users, as the partner directory has them. Deliberately not a
 * {@code UserDetailsService} bean: staff accounts stay the platform's, and only the web form's
 * login uses these. Users are added, reset and removed through {@link PartnerAdministration}.
 */
@Service
public class PartnerUsers {

    private final PartnerDirectory partners;

    public PartnerUsers(PartnerDirectory partners) {
        this.partners = partners;
    }

    /** For the login: a user of an inactive partner is disabled. */
    public UserDetails loadUserByUsername(String username) {
        PartnerView partner = partners.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
        PartnerView.WebUser user = partner.user(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return new PartnerUserDetails(user.username(), user.passwordHash(), partner.getId(), partner.isActive());
    }

    /** The partner a signed-in user acts for, while that partner is active and the user is still one of its users. */
    public Optional<PartnerPrincipal> principalOf(PartnerUserDetails user) {
        return partners.find(user.getPartnerId())
                .filter(PartnerView::isActive)
                .filter(partner -> partner.user(user.getUsername()).isPresent())
                .map(p -> PartnerPrincipal.of(p, null));
    }
}
