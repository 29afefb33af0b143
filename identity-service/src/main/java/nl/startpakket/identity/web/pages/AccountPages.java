package nl.startpakket.identity.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import nl.startpakket.identity.api.StaffAccountRuleViolation;
import nl.startpakket.identity.config.IdentityServerProperties;
import nl.startpakket.identity.query.StaffAccountView;
import nl.startpakket.identity.query.StaffAccounts;
import nl.startpakket.identity.web.AccountAdministration;
import nl.startpakket.identity.web.AccountAdministration.AccountRequest;
import nl.startpakket.identity.web.AccountAdministration.Outcome;
import nl.startpakket.municipalities.MunicipalityRegister;
import nl.startpakket.platform.audit.AuditTrail;
import nl.startpakket.platform.security.StaffRole;
import nl.startpakket.platform.web.ApiProblemHandler.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sign-in page, the coordinators' account pages (list, create with a one-time password,
 * change, disable, new password) and everyone's own page (change password). They go the same
 * way as the API: {@link AccountAdministration}.
 */
@Controller
public class AccountPages {

    private final AccountAdministration administration;
    private final StaffAccounts accounts;
    private final AuditTrail audit;
    private final IdentityServerProperties properties;
    private final MunicipalityRegister register;

    public AccountPages(AccountAdministration administration, StaffAccounts accounts, AuditTrail audit,
                        IdentityServerProperties properties, MunicipalityRegister register) {
        this.administration = administration;
        this.accounts = accounts;
        this.audit = audit;
        this.properties = properties;
        this.register = register;
    }

    /** What the account form holds. */
    public record AccountForm(String username, String displayName, List<String> roles, String municipality) {

        static AccountForm of(StaffAccountView view) {
            return new AccountForm(view.username(), view.displayName(), view.roles().stream().map(Enum::name).toList(),
                    view.municipality());
        }
    }

    /** Moments on the pages in Dutch time, as every service shows them. */
    @org.springframework.web.bind.annotation.ModelAttribute("moment")
    public java.time.format.DateTimeFormatter moment() {
        return java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(nl.startpakket.platform.ServicePlatformConfiguration.ZONE);
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    @GetMapping("/")
    public String home() {
        return "redirect:/me";
    }

    @GetMapping("/accounts")
    public String list(Model model) {
        model.addAttribute("accounts", accounts.all());
        model.addAttribute("names", names());
        return "accounts";
    }

    @GetMapping("/accounts/new")
    public String newAccount(Model model) {
        return form(model, new AccountForm("", "", List.of(), ""), true, null, null, List.of());
    }

    @PostMapping("/accounts")
    public String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
                         @RequestParam(required = false) List<String> roles, @RequestParam(defaultValue = "") String municipality,
                         Authentication coordinator, Model model) {
        AccountForm form = new AccountForm(username.trim(), displayName, roles == null ? List.of() : roles, municipality.trim());
        if (accounts.find(form.username()).isPresent()) {
            return form(model, form, true, null, null,
                    List.of(new FieldProblem("username", "An account " + form.username() + " exists already.")));
        }
        AccountRequest request = new AccountRequest(form.displayName(), form.roles(), form.municipality(), true);
        List<FieldProblem> problems = administration.check(form.username(), request);
        if (!problems.isEmpty()) {
            return form(model, form, true, null, null, problems);
        }
        Outcome outcome = administration.save(form.username(), request, coordinator.getName());
        return form(model, AccountForm.of(outcome.account()), false, outcome.account(), outcome.initialPassword(), List.of());
    }

    @GetMapping("/accounts/{username}")
    public String show(@PathVariable String username, Model model) {
        StaffAccountView account = accounts.find(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return form(model, AccountForm.of(account), false, account, null, List.of());
    }

    @PostMapping("/accounts/{username}")
    public String change(@PathVariable String username, @RequestParam(defaultValue = "") String displayName,
                         @RequestParam(required = false) List<String> roles, @RequestParam(defaultValue = "") String municipality,
                         Authentication coordinator, Model model, RedirectAttributes redirect) {
        StaffAccountView account = accounts.find(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        AccountForm form = new AccountForm(username, displayName, roles == null ? List.of() : roles, municipality.trim());
        AccountRequest request = new AccountRequest(form.displayName(), form.roles(), form.municipality(), null);
        List<FieldProblem> problems = administration.check(username, request);
        if (!problems.isEmpty()) {
            return form(model, form, false, account, null, problems);
        }
        try {
            administration.save(username, request, coordinator.getName());
        } catch (StaffAccountRuleViolation refused) {
            return form(model, form, false, account, null, List.of(new FieldProblem("roles", refused.getMessage())));
        }
        redirect.addFlashAttribute("message", "saved");
        return "redirect:/accounts/" + username;
    }

    @PostMapping("/accounts/{username}/disable")
    public String disable(@PathVariable String username, Authentication coordinator, RedirectAttributes redirect) {
        return setActive(username, false, coordinator, redirect);
    }

    @PostMapping("/accounts/{username}/enable")
    public String enable(@PathVariable String username, Authentication coordinator, RedirectAttributes redirect) {
        return setActive(username, true, coordinator, redirect);
    }

    @PostMapping("/accounts/{username}/password-reset")
    public String resetPassword(@PathVariable String username, Authentication coordinator, Model model) {
        String password = administration.resetPassword(username, coordinator.getName());
        StaffAccountView account = accounts.find(username).orElseThrow();
        return form(model, AccountForm.of(account), false, account, password, List.of());
    }

    @GetMapping("/me")
    public String me(Authentication signedIn, Model model) {
        model.addAttribute("account", accounts.find(signedIn.getName())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("names", names());
        model.addAttribute("services", properties.getServiceLinks());
        return "me";
    }

    @PostMapping("/me/password")
    public String changeOwnPassword(@RequestParam(defaultValue = "") String currentPassword,
                                    @RequestParam(defaultValue = "") String newPassword,
                                    Authentication signedIn, RedirectAttributes redirect) {
        try {
            boolean changed = administration.changeOwnPassword(signedIn.getName(), currentPassword, newPassword);
            redirect.addFlashAttribute("message", changed ? "passwordChanged" : "wrongPassword");
        } catch (StaffAccountRuleViolation refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/me";
    }

    private String setActive(String username, boolean active, Authentication coordinator, RedirectAttributes redirect) {
        try {
            administration.setActive(username, active, coordinator.getName());
            redirect.addFlashAttribute("message", active ? "enabled" : "disabled");
        } catch (StaffAccountRuleViolation refused) {
            redirect.addFlashAttribute("error", refused.getMessage());
        }
        return "redirect:/accounts/" + username;
    }

    private String form(Model model, AccountForm form, boolean isNew, StaffAccountView account, String oneTimePassword,
                        List<FieldProblem> problems) {
        model.addAttribute("form", form);
        model.addAttribute("isNew", isNew);
        model.addAttribute("account", account);
        model.addAttribute("oneTimePassword", oneTimePassword);
        model.addAttribute("problems", problems.isEmpty() ? null : new ArrayList<>(problems));
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("names", names());
        model.addAttribute("history", account == null ? List.of() : audit.recent(null, account.username(), 50));
        return "account";
    }

    /** The current municipalities, CBS code to official name, in the register's order. */
    private Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        register.all().forEach(m -> names.put(m.code(), m.name() + " (" + m.code() + ")"));
        return names;
    }
}
