package nl.startpakket.identity.web;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import nl.startpakket.identity.api.ChangeStaffAccountCommand;
import nl.startpakket.identity.api.DisableStaffAccountCommand;
import nl.startpakket.identity.api.EnableStaffAccountCommand;
import nl.startpakket.identity.api.RegisterStaffAccountCommand;
import nl.startpakket.identity.api.SetStaffPasswordCommand;
import nl.startpakket.identity.api.StaffAccountRuleViolation;
import nl.startpakket.identity.api.StaffAccountTerms;
import nl.startpakket.identity.query.StaffAccountView;
import nl.startpakket.identity.query.StaffAccounts;
import nl.startpakket.municipalities.MunicipalityRegister;
import nl.startpakket.platform.audit.AuditTrail;
import nl.startpakket.platform.security.StaffRole;
import nl.startpakket.platform.web.ApiProblemHandler.FieldProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * What a coordinator does with accounts, for the API and the pages alike: checks the request,
 * hashes passwords (no password reaches an event or a log), sends the command, waits until the
 * change is visible to sign-in, and writes the audit trail. Keeps the foundation from locking
 * itself out: a coordinator cannot disable themselves or drop their own coordinator role, and the
 * last active coordinator stays.
 */
@Service
public class AccountAdministration {

    static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._@-]{2,63}$");
    static final Pattern MUNICIPALITY = Pattern.compile("^GM[0-9]{4}$");
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CommandGateway commands;
    private final StaffAccounts accounts;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final MunicipalityRegister register;

    public AccountAdministration(CommandGateway commands, StaffAccounts accounts, PasswordEncoder passwordEncoder, AuditTrail audit,
                                 MunicipalityRegister register) {
        this.register = register;
        this.commands = commands;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
    }

    /** An account's terms as asked for; {@code active} null means: leave it (active for a new account). */
    public record AccountRequest(String displayName, List<String> roles, String municipality, Boolean active) {
    }

    /** The outcome: the account, whether it is new, and a new account's one-time password. */
    public record Outcome(StaffAccountView account, boolean created, String initialPassword) {
    }

    /** Field problems of a request, empty when it may be sent. */
    public List<FieldProblem> check(String username, AccountRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            problems.add(new FieldProblem("username", "3 to 64 lower-case letters, digits or . _ @ -, starting with a letter or digit."));
        }
        if (request.displayName() == null || request.displayName().isBlank() || request.displayName().length() > 200) {
            problems.add(new FieldProblem("displayName", "Required, at most 200 characters."));
        }
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        if (request.roles() == null || request.roles().isEmpty()) {
            problems.add(new FieldProblem("roles", "At least one of " + List.of(StaffRole.values()) + "."));
        } else {
            for (int i = 0; i < request.roles().size(); i++) {
                String role = request.roles().get(i);
                try {
                    roles.add(StaffRole.valueOf(String.valueOf(role)));
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("roles[" + i + "]", "Unknown role " + role + "; one of " + List.of(StaffRole.values()) + "."));
                }
            }
        }
        boolean perMunicipality = roles.stream().anyMatch(StaffRole::perMunicipality);
        String municipality = blankToNull(request.municipality());
        if (perMunicipality && municipality == null) {
            problems.add(new FieldProblem("municipality", "An evaluator or a social team belongs to one municipality: its CBS code, e.g. GM0406."));
        } else if (perMunicipality && !MUNICIPALITY.matcher(municipality).matches()) {
            problems.add(new FieldProblem("municipality", "A CBS municipality code: GM followed by four digits, e.g. GM0406."));
        } else if (perMunicipality && !register.isCurrent(municipality)) {
            problems.add(new FieldProblem("municipality", register.whyNotCurrent(municipality).orElse("Unknown municipality " + municipality + ".")));
        } else if (!perMunicipality && municipality != null) {
            problems.add(new FieldProblem("municipality", "Only an evaluator's or a social team's account belongs to a municipality."));
        }
        return problems;
    }

    /** Creates the account (with a one-time password) or changes it; the request must have passed {@link #check}. */
    public Outcome save(String username, AccountRequest request, String actor) {
        StaffAccountTerms terms = terms(request);
        Optional<StaffAccountView> existing = accounts.find(username);
        if (existing.isEmpty()) {
            String password = newPassword();
            commands.sendAndWait(new RegisterStaffAccountCommand(username, terms, passwordEncoder.encode(password), actor));
            awaitVisible(username, view -> true);
            audit.record(actor, "register-staff-account", username, details(terms));
            if (Boolean.FALSE.equals(request.active())) {
                setActive(username, false, actor);
            }
            return new Outcome(accounts.find(username).orElseThrow(), true, password);
        }
        StaffAccountView before = existing.get();
        if (username.equals(actor) && before.has(StaffRole.COORDINATOR) && !terms.roles().contains(StaffRole.COORDINATOR)) {
            throw new StaffAccountRuleViolation("own-coordinator-role", "You cannot take away your own coordinator role.");
        }
        if (before.has(StaffRole.COORDINATOR) && before.active() && !terms.roles().contains(StaffRole.COORDINATOR)
                && accounts.countActive(StaffRole.COORDINATOR) <= 1) {
            throw new StaffAccountRuleViolation("last-coordinator", "The last active coordinator keeps the coordinator role.");
        }
        if (!terms.equals(before.terms())) {
            commands.sendAndWait(new ChangeStaffAccountCommand(username, terms, actor));
            awaitVisible(username, view -> view.terms().equals(terms));
            audit.record(actor, "change-staff-account", username, details(terms));
        }
        if (request.active() != null && request.active() != before.active()) {
            setActive(username, request.active(), actor);
        }
        return new Outcome(accounts.find(username).orElseThrow(), false, null);
    }

    /** Disables or enables an account. */
    public StaffAccountView setActive(String username, boolean active, String actor) {
        StaffAccountView account = accounts.find(username).orElseThrow(() -> unknown(username));
        if (!active) {
            if (username.equals(actor)) {
                throw new StaffAccountRuleViolation("own-account", "You cannot disable your own account.");
            }
            if (account.active() && account.has(StaffRole.COORDINATOR) && accounts.countActive(StaffRole.COORDINATOR) <= 1) {
                throw new StaffAccountRuleViolation("last-coordinator", "The last active coordinator cannot be disabled.");
            }
        }
        if (account.active() != active) {
            commands.sendAndWait(active ? new EnableStaffAccountCommand(username, actor) : new DisableStaffAccountCommand(username, actor));
            awaitVisible(username, view -> view.active() == active);
            audit.record(actor, active ? "enable-staff-account" : "disable-staff-account", username, Map.of());
        }
        return accounts.find(username).orElseThrow();
    }

    /** A new one-time password for the account, set by a coordinator; the answer is the only time it is shown. */
    public String resetPassword(String username, String actor) {
        accounts.find(username).orElseThrow(() -> unknown(username));
        String password = newPassword();
        setPassword(username, password, actor);
        audit.record(actor, "reset-staff-password", username, Map.of());
        return password;
    }

    /** The signed-in account changes its own password; false when the current one is wrong. */
    public boolean changeOwnPassword(String username, String current, String next) {
        StaffAccountView account = accounts.find(username).orElseThrow(() -> unknown(username));
        if (current == null || !passwordEncoder.matches(current, account.passwordHash())) {
            return false;
        }
        if (next == null || next.length() < MIN_PASSWORD_LENGTH || next.length() > 200) {
            throw new StaffAccountRuleViolation("weak-password", "A password has at least " + MIN_PASSWORD_LENGTH
                    + " and at most 200 characters.");
        }
        setPassword(username, next, username);
        audit.record(username, "change-own-password", username, Map.of());
        return true;
    }

    private void setPassword(String username, String password, String actor) {
        String hash = passwordEncoder.encode(password);
        commands.sendAndWait(new SetStaffPasswordCommand(username, hash, actor));
        awaitVisible(username, view -> hash.equals(view.passwordHash()));
    }

    private void awaitVisible(String username, Predicate<StaffAccountView> condition) {
        if (!accounts.awaitVisible(username, condition)) {
            throw new IllegalStateException("The change to account " + username + " is stored but not yet visible to sign-in");
        }
    }

    static StaffAccountTerms terms(AccountRequest request) {
        Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);
        request.roles().forEach(role -> roles.add(StaffRole.valueOf(role)));
        return new StaffAccountTerms(request.displayName().trim(), roles, blankToNull(request.municipality()));
    }

    private static Map<String, String> details(StaffAccountTerms terms) {
        return terms.municipality() == null
                ? Map.of("roles", terms.sortedRoles().toString())
                : Map.of("roles", terms.sortedRoles().toString(), "municipality", terms.municipality());
    }

    static StaffAccountRuleViolation unknown(String username) {
        return new StaffAccountRuleViolation("account-not-found", "No account " + username + ".");
    }

    static String newPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
