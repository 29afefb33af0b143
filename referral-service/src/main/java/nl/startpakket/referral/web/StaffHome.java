package nl.startpakket.referral.web;

import nl.startpakket.platform.security.StaffRole;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Where staff land after signing in on these pages: a coordinator at the partners, a social team at its follow-up desk. */
@Controller
public class StaffHome {

    public static final String PATH = "/staff";

    @GetMapping(PATH)
    public String home(Authentication signedIn) {
        boolean coordinator = signedIn.getAuthorities().stream().anyMatch(a -> StaffRole.COORDINATOR.authority().equals(a.getAuthority()));
        return coordinator ? "redirect:/partners" : "redirect:/follow-up";
    }
}
