package nl.startpakket.referral.partner;

import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The web form's users. Deliberately not a {@code UserDetailsService} bean: staff accounts stay
 * the platform's, and only the web form's login uses these.
 */
@Service
public class PartnerUsers {

    private final PartnerUserRepository users;
    private final PartnerDirectory partners;
    private final PasswordEncoder passwordEncoder;

    public PartnerUsers(PartnerUserRepository users, PartnerDirectory partners, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.partners = partners;
        this.passwordEncoder = passwordEncoder;
    }

    /** For the login: a user of an inactive partner is disabled. */
    public UserDetails loadUserByUsername(String username) {
        PartnerUser user = users.findById(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
        boolean active = partners.find(user.getPartnerId()).map(Partner::isActive).orElse(false);
        return new PartnerUserDetails(user.getUsername(), user.getPasswordHash(), user.getPartnerId(), active);
    }

    /** Creates or resets the user; false when the name belongs to another partner. */
    public boolean save(String username, String password, String partnerId) {
        Optional<PartnerUser> existing = users.findById(username);
        if (existing.isPresent() && !existing.get().getPartnerId().equals(partnerId)) {
            return false;
        }
        users.save(new PartnerUser(username, passwordEncoder.encode(password), partnerId));
        return true;
    }

    /** Adds the user only if it does not exist (demo data). */
    public void createIfAbsent(String username, String password, String partnerId) {
        if (!users.existsById(username)) {
            users.save(new PartnerUser(username, passwordEncoder.encode(password), partnerId));
        }
    }

    public boolean delete(String username, String partnerId) {
        Optional<PartnerUser> existing = users.findById(username).filter(u -> u.getPartnerId().equals(partnerId));
        existing.ifPresent(users::delete);
        return existing.isPresent();
    }

    /** The partner a signed-in user acts for, while that partner is active. */
    public Optional<PartnerPrincipal> principalOf(PartnerUserDetails user) {
        return partners.find(user.getPartnerId()).filter(Partner::isActive).map(p -> PartnerPrincipal.of(p, null));
    }
}
