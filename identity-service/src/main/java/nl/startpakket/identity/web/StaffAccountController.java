package nl.startpakket.identity.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.startpakket.identity.api.StaffAccountRuleViolation;
import nl.startpakket.identity.query.StaffAccountView;
import nl.startpakket.identity.query.StaffAccounts;
import nl.startpakket.identity.web.AccountAdministration.AccountRequest;
import nl.startpakket.identity.web.AccountAdministration.Outcome;
import nl.startpakket.platform.security.StaffRole;
import nl.startpakket.platform.web.ApiProblem;
import nl.startpakket.platform.web.ApiProblemHandler.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff accounts, managed by a COORDINATOR at run time: create (the answer carries the account's
 * one-time password, shown only there), change roles and municipality, disable and enable, reset
 * a password. Every account may change its own password. Every act is an event and in the audit
 * trail; a disabled account is refused everywhere within a minute.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
public class StaffAccountController {

    private final AccountAdministration administration;
    private final StaffAccounts accounts;

    public StaffAccountController(AccountAdministration administration, StaffAccounts accounts) {
        this.administration = administration;
        this.accounts = accounts;
    }

    /** An account as the API shows it; never its password hash. */
    public record StaffAccountResponse(String username, String displayName, List<StaffRole> roles, String municipality,
                                       boolean active, Instant registeredAt, Instant changedAt, String changedBy,
                                       Instant passwordSetAt, String initialPassword) {

        static StaffAccountResponse of(StaffAccountView view, String initialPassword) {
            return new StaffAccountResponse(view.username(), view.displayName(), view.roles(), view.municipality(), view.active(),
                    view.registeredAt(), view.changedAt(), view.changedBy(), view.passwordSetAt(), initialPassword);
        }
    }

    public record PasswordChange(String currentPassword, String newPassword) {
    }

    @GetMapping("/api/v1/staff-accounts")
    public List<StaffAccountResponse> list() {
        return accounts.all().stream().map(view -> StaffAccountResponse.of(view, null)).toList();
    }

    @GetMapping("/api/v1/staff-accounts/{username}")
    public StaffAccountResponse get(@PathVariable String username) {
        return accounts.find(username).map(view -> StaffAccountResponse.of(view, null)).orElseThrow(() -> notFound(username));
    }

    /** 201 with {@code initialPassword} when new, 200 when changed. */
    @PutMapping(path = "/api/v1/staff-accounts/{username}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<StaffAccountResponse> put(@PathVariable String username, @RequestBody AccountRequest request,
                                                    Authentication coordinator) {
        List<FieldProblem> problems = administration.check(username, request);
        if (!problems.isEmpty()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", "The request has invalid fields.",
                    Map.of("errors", problems));
        }
        Outcome outcome = administration.save(username, request, coordinator.getName());
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(StaffAccountResponse.of(outcome.account(), outcome.initialPassword()));
    }

    @PostMapping("/api/v1/staff-accounts/{username}/disable")
    public StaffAccountResponse disable(@PathVariable String username, Authentication coordinator) {
        return StaffAccountResponse.of(administration.setActive(username, false, coordinator.getName()), null);
    }

    @PostMapping("/api/v1/staff-accounts/{username}/enable")
    public StaffAccountResponse enable(@PathVariable String username, Authentication coordinator) {
        return StaffAccountResponse.of(administration.setActive(username, true, coordinator.getName()), null);
    }

    /** A new one-time password, in this answer only. */
    @PostMapping("/api/v1/staff-accounts/{username}/password-reset")
    public Map<String, String> resetPassword(@PathVariable String username, Authentication coordinator) {
        return Map.of("username", username, "temporaryPassword", administration.resetPassword(username, coordinator.getName()));
    }

    @GetMapping("/api/v1/me")
    public StaffAccountResponse me(Authentication account) {
        return get(account.getName());
    }

    @PutMapping(path = "/api/v1/me/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Void> changeOwnPassword(@RequestBody PasswordChange change, Authentication account) {
        if (!administration.changeOwnPassword(account.getName(), change.currentPassword(), change.newPassword())) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "wrong-password", "Wrong password",
                    "The current password is not right.");
        }
        return ResponseEntity.noContent().build();
    }

    private static StaffAccountRuleViolation notFound(String username) {
        return AccountAdministration.unknown(username);
    }
}
