package nl.startpakket.referral.web;

import java.util.List;
import nl.startpakket.referral.api.FollowUpOutcome;
import nl.startpakket.referral.api.FollowUpRefusedException;
import nl.startpakket.referral.followup.FollowUpDesk;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The follow-up desk for a municipality's social team: the families of its municipality who
 * agreed to be contacted after their package was delivered, each with the contact details they
 * shared, and the outcome the team records. Other municipalities' tasks do not exist here.
 */
@Controller
public class FollowUpPageController {

    private final FollowUpDesk desk;

    public FollowUpPageController(FollowUpDesk desk) {
        this.desk = desk;
    }

    @ModelAttribute("coordinator")
    public String staff(Authentication signedIn) {
        return signedIn == null ? null : signedIn.getName();
    }

    @ModelAttribute("home")
    public String home() {
        return "/follow-up";
    }

    @GetMapping("/follow-up")
    public String list(Authentication signedIn, Model model) {
        String municipality = municipality(signedIn);
        model.addAttribute("municipality", municipality);
        model.addAttribute("tasks", desk.tasks(municipality));
        return "follow-ups";
    }

    @GetMapping("/follow-up/{referralId}")
    public String show(@PathVariable String referralId, Authentication signedIn, Model model) {
        FollowUpDesk.TaskDetail detail = desk.open(referralId, municipality(signedIn), signedIn.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("task", detail.task());
        model.addAttribute("contact", detail.contact());
        model.addAttribute("outcomes", List.of(FollowUpOutcome.values()));
        return "follow-up";
    }

    @PostMapping("/follow-up/{referralId}/outcome")
    public String record(@PathVariable String referralId, @RequestParam(required = false) FollowUpOutcome outcome,
                         Authentication signedIn, RedirectAttributes redirect) {
        if (outcome == null) {
            redirect.addFlashAttribute("error", "outcome-required");
            return "redirect:/follow-up/" + referralId;
        }
        try {
            desk.record(referralId, outcome, municipality(signedIn), signedIn.getName());
            redirect.addFlashAttribute("message", "recorded");
        } catch (FollowUpRefusedException refused) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/follow-up";
    }

    private static String municipality(Authentication signedIn) {
        return FollowUpDesk.municipalityOf(signedIn.getAuthorities())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
