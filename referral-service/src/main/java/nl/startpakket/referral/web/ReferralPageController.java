package nl.startpakket.referral.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.municipalities.MunicipalityRegister;
import nl.startpakket.platform.web.ApiProblem;
import nl.startpakket.referral.api.CancellationReason;
import nl.startpakket.referral.api.ReferralStatus;
import nl.startpakket.referral.api.SubmissionOutcome;
import nl.startpakket.referral.config.ReferralProperties;
import nl.startpakket.referral.partner.PartnerPrincipal;
import nl.startpakket.referral.partner.PartnerUserDetails;
import nl.startpakket.referral.partner.PartnerUsers;
import nl.startpakket.referral.query.ReferralView;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The web form for partner users without their own system: submit a referral, see the own
 * referrals with their status, cancel one. Server-side checks are the API's, with its messages.
 */
@Controller
public class ReferralPageController {

    private final ReferralIntake intake;
    private final PartnerUsers users;
    private final ReferralProperties properties;
    private final ReferralRules rules;
    private final MunicipalityRegister municipalities;
    private final Clock clock;

    public ReferralPageController(ReferralIntake intake, PartnerUsers users, ReferralProperties properties, ReferralRules rules,
                                  MunicipalityRegister municipalities, Clock clock) {
        this.intake = intake;
        this.users = users;
        this.properties = properties;
        this.rules = rules;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    @GetMapping("/")
    public String home() {
        return "redirect:/referrals";
    }

    @GetMapping("/referrals")
    public String list(@AuthenticationPrincipal PartnerUserDetails user, @RequestParam(required = false) ReferralStatus status,
                       Model model) {
        PartnerPrincipal partner = partner(user);
        model.addAttribute("partner", partner);
        model.addAttribute("referrals", intake.list(partner, status));
        model.addAttribute("statuses", ReferralStatus.values());
        model.addAttribute("selectedStatus", status);
        return "referrals";
    }

    @GetMapping("/referrals/new")
    public String newReferral(@AuthenticationPrincipal PartnerUserDetails user, Model model) {
        PartnerPrincipal partner = partner(user);
        ReferralForm form = new ReferralForm();
        if (partner.municipalities().size() == 1) {
            form.setMunicipality(partner.municipalities().get(0));
        }
        return showForm(partner, form, model);
    }

    @PostMapping("/referrals")
    public String submit(@AuthenticationPrincipal PartnerUserDetails user, @ModelAttribute("form") ReferralForm form,
                         BindingResult binding, Model model, Locale locale, RedirectAttributes redirect) {
        PartnerPrincipal partner = partner(user);
        List<FieldError> errors = new ArrayList<>();
        ReferralRequest request = form.toRequest(errors);
        List<String> unreadable = errors.stream().map(FieldError::field).toList();
        for (FieldError error : rules.check(request)) {
            if (!unreadable.contains(error.field())) {
                errors.add(error);
            }
        }
        if (errors.isEmpty() && request.municipality() != null && !partner.mayReferFor(request.municipality())) {
            errors.add(new FieldError("municipality", "referral.municipality.notAllowed", request.municipality()));
        }
        if (!errors.isEmpty()) {
            errors.forEach(error -> binding.rejectValue(error.field(), error.code(), error.args(), intake.message(error, locale)));
            return showForm(partner, form, model);
        }
        SubmissionOutcome outcome = intake.submit(partner, request, locale);
        redirect.addFlashAttribute("outcome", outcome);
        return "redirect:/referrals/" + outcome.referralId();
    }

    @GetMapping("/referrals/{referralId}")
    public String detail(@AuthenticationPrincipal PartnerUserDetails user, @PathVariable String referralId, Model model) {
        PartnerPrincipal partner = partner(user);
        model.addAttribute("partner", partner);
        ReferralView referral = intake.find(partner, referralId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("referral", referral);
        model.addAttribute("municipality", municipalities.nameWithCode(referral.getMunicipality()));
        model.addAttribute("reasons", CancellationReason.values());
        return "referral";
    }

    @PostMapping("/referrals/{referralId}/cancel")
    public String cancel(@AuthenticationPrincipal PartnerUserDetails user, @PathVariable String referralId,
                         @RequestParam(required = false) CancellationReason reason, RedirectAttributes redirect) {
        PartnerPrincipal partner = partner(user);
        if (reason == null) {
            redirect.addFlashAttribute("cancelError", "referral.cancel.reason.required");
            return "redirect:/referrals/" + referralId;
        }
        try {
            intake.cancel(partner, referralId, reason);
            redirect.addFlashAttribute("cancelled", true);
        } catch (ApiProblem problem) {
            if (problem.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            redirect.addFlashAttribute("cancelError", "referral.cancel.notPossible");
        }
        return "redirect:/referrals/" + referralId;
    }

    private String showForm(PartnerPrincipal partner, ReferralForm form, Model model) {
        model.addAttribute("partner", partner);
        model.addAttribute("form", form);
        model.addAttribute("municipalities", partner.municipalities().stream()
                .map(code -> Map.entry(code, municipalities.nameWithCode(code))).toList());
        model.addAttribute("deliveryMethods", DeliveryMethod.values());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("dueDateMin", today.minusWeeks(properties.getDueDateMaxWeeksPast()));
        model.addAttribute("dueDateMax", today.plusWeeks(properties.getDueDateMaxWeeksAhead()));
        model.addAttribute("birthDateMin", today.minusMonths(properties.getToddlerMaxAgeMonths()).plusDays(1));
        model.addAttribute("birthDateMax", today.minusMonths(properties.getToddlerMinAgeMonths()));
        return "referral-form";
    }

    private PartnerPrincipal partner(PartnerUserDetails user) {
        return users.principalOf(user).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
