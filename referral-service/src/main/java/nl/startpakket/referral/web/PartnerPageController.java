package nl.startpakket.referral.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.referral.api.notification.NotificationBusyException;
import nl.startpakket.referral.api.partner.PartnerAlreadyRegisteredException;
import nl.startpakket.referral.api.partner.WebhookSettings;
import nl.startpakket.referral.notification.NotificationLog;
import nl.startpakket.referral.notification.NotificationReplays;
import nl.startpakket.referral.notification.UnknownNotificationException;
import nl.startpakket.referral.api.partner.PartnerRefusedException;
import nl.startpakket.referral.api.partner.PartnerTerms;
import nl.startpakket.referral.api.partner.UserNameTakenException;
import nl.startpakket.referral.api.partner.WebUserExistsException;
import nl.startpakket.municipalities.MunicipalityRegister;
import nl.startpakket.referral.partner.PartnerAdministration;
import nl.startpakket.referral.partner.PartnerDirectory;
import nl.startpakket.referral.partner.PartnerLastUse;
import nl.startpakket.referral.partner.PartnerView;
import org.springframework.http.HttpStatus;
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
 * The coordinator's pages for partners: the list, registering and editing a partner, issuing
 * (shown once) and revoking (after confirmation) its API keys, adding its web form users (with a
 * password made up by Startpakket, shown once), resetting and removing them, their e-mail
 * addresses for status changes, the partner's webhooks (signing secret shown once) and its latest
 * notifications with their attempts (replay). Every action goes
 * through {@link PartnerAdministration}, like the API, under the signed-in coordinator's name;
 * the fields are checked by the API's {@link PartnerRules}.
 */
@Controller
public class PartnerPageController {

    /** How many of a partner's latest notifications its page shows. */
    static final int RECENT_NOTIFICATIONS = 20;

    private final PartnerDirectory directory;
    private final PartnerAdministration administration;
    private final PartnerLastUse lastUse;
    private final PartnerRules rules;
    private final MunicipalityRegister register;
    private final WebhookRules webhookRules;
    private final NotificationLog notifications;
    private final NotificationReplays replays;

    public PartnerPageController(PartnerDirectory directory, PartnerAdministration administration, PartnerLastUse lastUse,
                                 PartnerRules rules, MunicipalityRegister register, WebhookRules webhookRules,
                                 NotificationLog notifications, NotificationReplays replays) {
        this.directory = directory;
        this.administration = administration;
        this.lastUse = lastUse;
        this.rules = rules;
        this.register = register;
        this.webhookRules = webhookRules;
        this.notifications = notifications;
        this.replays = replays;
    }

    @ModelAttribute("coordinator")
    public String coordinator(Principal principal) {
        return principal == null ? null : principal.getName();
    }

    @GetMapping("/partners")
    public String list(Model model) {
        model.addAttribute("partners", directory.all().stream()
                .sorted(Comparator.comparing(PartnerView::getName, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER))).toList());
        model.addAttribute("uses", lastUse.ofAll());
        model.addAttribute("municipalityNames", names());
        return "partners";
    }

    @GetMapping("/partners/new")
    public String newPartner(Model model) {
        return showNew(new PartnerForm(), model);
    }

    @PostMapping("/partners")
    public String register(@ModelAttribute("form") PartnerForm form, BindingResult binding, Principal coordinator, Model model,
                           Locale locale, RedirectAttributes redirect) {
        List<FieldError> errors = new ArrayList<>(rules.checkPartnerId(form.getPartnerId()));
        errors.addAll(checkTerms(form));
        if (reject(errors, binding, locale)) {
            return showNew(form, model);
        }
        try {
            administration.register(coordinator.getName(), form.getPartnerId(), terms(form));
        } catch (PartnerAlreadyRegisteredException e) {
            reject(List.of(new FieldError("partnerId", "partner.id.taken")), binding, locale);
            return showNew(form, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/partners/" + form.getPartnerId();
    }

    @GetMapping("/partners/{partnerId}")
    public String detail(@PathVariable String partnerId, Model model) {
        PartnerView partner = partner(partnerId);
        return showPartner(partner, PartnerForm.of(partner), new WebUserForm(), model);
    }

    @PostMapping("/partners/{partnerId}")
    public String change(@PathVariable String partnerId, @ModelAttribute("form") PartnerForm form, BindingResult binding,
                         Principal coordinator, Model model, Locale locale, RedirectAttributes redirect) {
        PartnerView partner = partner(partnerId);
        form.setPartnerId(partnerId);
        if (reject(checkTerms(form), binding, locale)) {
            return showPartner(partner, form, new WebUserForm(), model);
        }
        refusedAsNotFound(() -> administration.change(coordinator.getName(), partnerId, terms(form)));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/partners/" + partnerId;
    }

    @PostMapping("/partners/{partnerId}/keys")
    public String issueKey(@PathVariable String partnerId, Principal coordinator, RedirectAttributes redirect) {
        // once: in the flash of the very next page, never stored or shown again
        redirect.addFlashAttribute("issuedKey", refusedAsNotFound(() -> administration.issueKey(coordinator.getName(), partnerId)));
        return "redirect:/partners/" + partnerId;
    }

    @GetMapping("/partners/{partnerId}/keys/{keyId}/revoke")
    public String confirmRevoke(@PathVariable String partnerId, @PathVariable String keyId, Model model) {
        PartnerView partner = partner(partnerId);
        partner.getApiKeys().stream().filter(key -> key.keyId().equals(keyId)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return confirm(partner, "ui.partner.revoke.question", keyId, "/partners/" + partnerId + "/keys/" + keyId + "/revoke",
                "ui.partner.revoke.submit", model);
    }

    @PostMapping("/partners/{partnerId}/keys/{keyId}/revoke")
    public String revokeKey(@PathVariable String partnerId, @PathVariable String keyId, Principal coordinator,
                            RedirectAttributes redirect) {
        refusedAsNotFound(() -> administration.revokeKey(coordinator.getName(), partnerId, keyId));
        redirect.addFlashAttribute("revokedKey", keyId);
        return "redirect:/partners/" + partnerId;
    }

    @PostMapping("/partners/{partnerId}/users")
    public String addUser(@PathVariable String partnerId, @ModelAttribute("userForm") WebUserForm userForm, BindingResult binding,
                          Principal coordinator, Model model, Locale locale, RedirectAttributes redirect) {
        PartnerView partner = partner(partnerId);
        String username = userForm.getUsername() == null ? null : userForm.getUsername().trim();
        if (reject(rules.checkUsername(username), binding, locale)) {
            return showPartner(partner, PartnerForm.of(partner), userForm, model);
        }
        String password;
        try {
            password = administration.addUser(coordinator.getName(), partnerId, username);
        } catch (UserNameTakenException | WebUserExistsException e) {
            String code = e instanceof UserNameTakenException ? "partner.username.taken" : "partner.username.exists";
            reject(List.of(new FieldError("username", code, username)), binding, locale);
            return showPartner(partner, PartnerForm.of(partner), userForm, model);
        }
        redirect.addFlashAttribute("newPassword", new NewPassword(username, password));
        return "redirect:/partners/" + partnerId;
    }

    @PostMapping("/partners/{partnerId}/users/{username}/password")
    public String resetPassword(@PathVariable String partnerId, @PathVariable String username, Principal coordinator,
                                RedirectAttributes redirect) {
        String password = refusedAsNotFound(() -> administration.resetPassword(coordinator.getName(), partnerId, username));
        redirect.addFlashAttribute("newPassword", new NewPassword(username, password));
        return "redirect:/partners/" + partnerId;
    }

    @GetMapping("/partners/{partnerId}/users/{username}/remove")
    public String confirmRemove(@PathVariable String partnerId, @PathVariable String username, Model model) {
        PartnerView partner = partner(partnerId);
        partner.user(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return confirm(partner, "ui.partner.removeUser.question", username, "/partners/" + partnerId + "/users/" + username + "/remove",
                "ui.partner.removeUser.submit", model);
    }

    @PostMapping("/partners/{partnerId}/users/{username}/remove")
    public String removeUser(@PathVariable String partnerId, @PathVariable String username, Principal coordinator,
                             RedirectAttributes redirect) {
        refusedAsNotFound(() -> administration.removeUser(coordinator.getName(), partnerId, username));
        redirect.addFlashAttribute("removedUser", username);
        return "redirect:/partners/" + partnerId;
    }

    @PostMapping("/partners/{partnerId}/users/{username}/email")
    public String changeEmail(@PathVariable String partnerId, @PathVariable String username, @RequestParam(required = false) String email,
                              @RequestParam(required = false) String language, Principal coordinator, Locale locale,
                              RedirectAttributes redirect) {
        partner(partnerId).user(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<FieldError> errors = new ArrayList<>(rules.checkEmail(email));
        errors.addAll(rules.checkLanguage(language));
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("emailError", new UserMessage(username, rules.message(errors.get(0), locale)));
        } else {
            refusedAsNotFound(() -> administration.changeEmail(coordinator.getName(), partnerId, username, email, language));
            redirect.addFlashAttribute("savedEmail", username);
        }
        return "redirect:/partners/" + partnerId;
    }

    @PostMapping("/partners/{partnerId}/webhooks")
    public String registerWebhook(@PathVariable String partnerId, @ModelAttribute("webhookForm") WebhookForm webhookForm,
                                  BindingResult binding, Principal coordinator, Model model, Locale locale,
                                  RedirectAttributes redirect) {
        PartnerView partner = partner(partnerId);
        List<FieldError> errors = new ArrayList<>();
        WebhookSettings settings = webhookRules.settings(webhookForm.getUrl(), webhookForm.getStatuses(), true, errors);
        if (reject(errors.stream().map(e -> e.field().startsWith("statuses") ? new FieldError("statuses", e.code(), e.args()) : e)
                .toList(), binding, locale)) {
            model.addAttribute("webhookForm", webhookForm);
            return showPartner(partner, PartnerForm.of(partner), new WebUserForm(), model);
        }
        PartnerAdministration.NewWebhook created = refusedAsNotFound(() ->
                administration.registerWebhook(coordinator.getName(), partnerId, settings));
        // the secret once: in the flash of the very next page, never stored in plain or shown again
        redirect.addFlashAttribute("newWebhook", created);
        return "redirect:/partners/" + partnerId;
    }

    @PostMapping("/partners/{partnerId}/webhooks/{webhookId}/active")
    public String setWebhookActive(@PathVariable String partnerId, @PathVariable String webhookId, @RequestParam boolean active,
                                   Principal coordinator, RedirectAttributes redirect) {
        PartnerView.Webhook webhook = partner(partnerId).webhook(webhookId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        refusedAsNotFound(() -> administration.changeWebhook(coordinator.getName(), partnerId, webhookId,
                new WebhookSettings(webhook.url(), webhook.statuses(), active)));
        redirect.addFlashAttribute("savedWebhook", webhookId);
        return "redirect:/partners/" + partnerId;
    }

    @GetMapping("/partners/{partnerId}/webhooks/{webhookId}/remove")
    public String confirmRemoveWebhook(@PathVariable String partnerId, @PathVariable String webhookId, Model model) {
        PartnerView partner = partner(partnerId);
        PartnerView.Webhook webhook = partner.webhook(webhookId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return confirm(partner, "ui.partner.webhook.removeQuestion", webhook.url(),
                "/partners/" + partnerId + "/webhooks/" + webhookId + "/remove", "ui.partner.webhook.remove", model);
    }

    @PostMapping("/partners/{partnerId}/webhooks/{webhookId}/remove")
    public String removeWebhook(@PathVariable String partnerId, @PathVariable String webhookId, Principal coordinator,
                                RedirectAttributes redirect) {
        refusedAsNotFound(() -> administration.removeWebhook(coordinator.getName(), partnerId, webhookId));
        redirect.addFlashAttribute("removedWebhook", webhookId);
        return "redirect:/partners/" + partnerId;
    }

    @PostMapping("/partners/{partnerId}/notifications/{notificationId}/replay")
    public String replay(@PathVariable String partnerId, @PathVariable String notificationId, Principal coordinator,
                         RedirectAttributes redirect) {
        partner(partnerId);
        try {
            replays.replay(coordinator.getName(), partnerId, null, notificationId);
            redirect.addFlashAttribute("replayed", notificationId);
        } catch (UnknownNotificationException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (NotificationBusyException e) {
            redirect.addFlashAttribute("replayBusy", notificationId);
        }
        return "redirect:/partners/" + partnerId + "#notifications";
    }

    /** A password shown once to the coordinator, to pass on to the user. */
    public record NewPassword(String username, String password) {
    }

    /** What went wrong with a user's field, shown above the users. */
    public record UserMessage(String username, String message) {
    }

    private List<FieldError> checkTerms(PartnerForm form) {
        return rules.checkTerms(form.getName(), form.type(), form.chosenMunicipalities(), form.isActive());
    }

    private static PartnerTerms terms(PartnerForm form) {
        return new PartnerTerms(form.getName().trim(), form.type(), form.chosenMunicipalities(), form.isActive());
    }

    /** Puts the errors next to their fields (the municipalities' by index next to the selection); true when there are any. */
    private boolean reject(List<FieldError> errors, BindingResult binding, Locale locale) {
        for (FieldError error : errors) {
            String field = error.field().startsWith("municipalities[") ? "municipalities" : error.field();
            binding.rejectValue(field, error.code(), error.args(), rules.message(error, locale));
        }
        return !errors.isEmpty();
    }

    private String showNew(PartnerForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("isNew", true);
        return withChoices(form.getMunicipalities(), model);
    }

    private String showPartner(PartnerView partner, PartnerForm form, WebUserForm userForm, Model model) {
        model.addAttribute("partner", partner);
        model.addAttribute("form", form);
        model.addAttribute("userForm", userForm);
        model.addAttribute("isNew", false);
        model.addAttribute("uses", lastUse.of(partner.getId()));
        if (!model.containsAttribute("webhookForm")) {
            WebhookForm webhookForm = new WebhookForm();
            webhookForm.setStatuses(WebhookSettings.SUBSCRIBABLE.stream().map(Enum::name).toList());
            model.addAttribute("webhookForm", webhookForm);
        }
        model.addAttribute("webhookStatuses", WebhookSettings.SUBSCRIBABLE);
        model.addAttribute("notifications", notifications.ofPartner(partner.getId(), null, null, null, RECENT_NOTIFICATIONS));
        return withChoices(partner.getMunicipalities(), model);
    }

    /** The choices of the terms form: the known municipalities and any the partner has beside them. */
    private String withChoices(List<String> current, Model model) {
        Map<String, String> municipalities = names();
        if (current != null) {
            current.stream().filter(code -> code != null && !code.isBlank()).forEach(code -> municipalities.putIfAbsent(code, code));
        }
        model.addAttribute("municipalityChoices", municipalities);
        model.addAttribute("types", IntermediaryType.values());
        return "partner";
    }

    /** Every current municipality, CBS code to official name, in the register's order. */
    private Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        register.all().forEach(m -> names.put(m.code(), m.name()));
        return names;
    }

    private String confirm(PartnerView partner, String question, String subject, String action, String submit, Model model) {
        model.addAttribute("partner", partner);
        model.addAttribute("question", question);
        model.addAttribute("subject", subject);
        model.addAttribute("action", action);
        model.addAttribute("submit", submit);
        return "partner-confirm";
    }

    private PartnerView partner(String partnerId) {
        return directory.find(partnerId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** Runs an action on a partner, key or user the coordinator named; one that does not exist is the not-found page. */
    private static <T> T refusedAsNotFound(Supplier<T> action) {
        try {
            return action.get();
        } catch (PartnerRefusedException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    private static void refusedAsNotFound(Runnable action) {
        refusedAsNotFound(() -> {
            action.run();
            return null;
        });
    }
}
