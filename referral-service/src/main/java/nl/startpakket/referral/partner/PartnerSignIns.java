package nl.startpakket.referral.partner;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** A web form user's successful sign-in counts as a use of the partner (staff sign-ins do not). */
@Component
public class PartnerSignIns {

    private final PartnerLastUse lastUse;

    public PartnerSignIns(PartnerLastUse lastUse) {
        this.lastUse = lastUse;
    }

    @EventListener
    public void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof PartnerUserDetails user) {
            lastUse.userSignedIn(user.getPartnerId(), user.getUsername());
        }
    }
}
