package nl.startpakket.referral.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.platform.web.ApiProblem;
import nl.startpakket.referral.api.partner.PartnerAlreadyRegisteredException;
import nl.startpakket.referral.api.partner.PartnerRefusedException;
import nl.startpakket.referral.api.partner.PartnerTerms;
import nl.startpakket.referral.api.partner.UnknownApiKeyException;
import nl.startpakket.referral.api.partner.UnknownPartnerException;
import nl.startpakket.referral.api.partner.UnknownWebUserException;
import nl.startpakket.referral.api.partner.UnknownWebhookException;
import nl.startpakket.referral.api.partner.UserNameTakenException;
import nl.startpakket.referral.api.partner.WebUserExistsException;
import nl.startpakket.referral.config.OpenApiConfig;
import nl.startpakket.referral.partner.IssuedApiKey;
import nl.startpakket.referral.partner.PartnerAdministration;
import nl.startpakket.referral.partner.PartnerDirectory;
import nl.startpakket.referral.partner.PartnerLastUse;
import nl.startpakket.referral.partner.PartnerView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner organisations, their API keys and their web form users, managed by a COORDINATOR
 * through the partner aggregate ({@link PartnerAdministration}, the same path as the pages).
 * A new key is shown once; only its hash is kept; a revoked key is refused at once. Every change
 * is written to the audit trail.
 */
@RestController
// JSON only, decided before the handler runs: an unacceptable Accept is refused (406) before anything changes
@RequestMapping(path = "/api/v1/partners", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Partners", description = "Partner organisations, their API keys and web form users (COORDINATOR).")
@SecurityRequirement(name = OpenApiConfig.STAFF)
public class PartnerAdminController {

    static final String LAST_USE = "Last successful use (API key authentication, web form sign-in), accurate to the minute; "
            + "absent when never used.";

    private final PartnerDirectory directory;
    private final PartnerAdministration administration;
    private final PartnerLastUse lastUse;
    private final PartnerRules rules;

    public PartnerAdminController(PartnerDirectory directory, PartnerAdministration administration, PartnerLastUse lastUse,
                                  PartnerRules rules) {
        this.directory = directory;
        this.administration = administration;
        this.lastUse = lastUse;
        this.rules = rules;
    }

    @Schema(description = "A partner organisation's terms.")
    public record PartnerRequest(
            @Schema(example = "Verloskundigenpraktijk Huizen", requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @Schema(example = "MIDWIFE", requiredMode = Schema.RequiredMode.REQUIRED) IntermediaryType intermediaryType,
            @Schema(example = "[\"GM0406\"]", requiredMode = Schema.RequiredMode.REQUIRED) List<String> municipalities,
            @Schema(example = "true", requiredMode = Schema.RequiredMode.REQUIRED) Boolean active) {
    }

    public record KeyResponse(String keyId, Instant createdAt, Instant revokedAt,
                              @Schema(description = LAST_USE, nullable = true) Instant lastUsedAt) {
    }

    public record PartnerResponse(String partnerId, String name, IntermediaryType intermediaryType, List<String> municipalities,
                                  boolean active, List<KeyResponse> keys,
                                  @Schema(description = LAST_USE + " Of any of its keys or users.", nullable = true)
                                  Instant lastUsedAt,
                                  @Schema(description = "Its web form users (never a password hash).") List<UserResponse> users) {

        static PartnerResponse of(PartnerView partner, PartnerLastUse.Uses uses) {
            return new PartnerResponse(partner.getId(), partner.getName(), partner.getIntermediaryType(), partner.getMunicipalities(),
                    partner.isActive(), partner.getApiKeys().stream()
                    .map(k -> new KeyResponse(k.keyId(), k.createdAt(), k.revokedAt(), uses.key(k.keyId()))).toList(),
                    uses.partner(), partner.getUsers().stream()
                    .map(u -> new UserResponse(u.username(), u.addedAt(), u.email(), u.language())).toList());
        }
    }

    @Schema(description = "The new API key. It is shown only in this answer: store it safely.")
    public record NewKeyResponse(@Schema(example = "3f9a0c1b2d4e") String keyId,
                                 @Schema(example = "spk_3f9a0c1b2d4e_Jk8...") String apiKey) {
    }

    public record UserRequest(@Schema(description = "At least 12 characters. Required for a new user; absent: unchanged.")
                              String password,
                              @Schema(description = "Where the user hears of status changes of the partner's referrals; "
                                      + "\"\" removes it; absent: unchanged.", example = "balie@verloskundige-huizen.nl")
                              String email,
                              @Schema(description = "Language of those e-mails: nl (default) or en.", example = "nl")
                              String language) {
    }

    public record UserResponse(String username, Instant addedAt, String email, String language) {
    }

    @Operation(summary = "All partners with their keys (ids and dates, never the keys)")
    @GetMapping
    public List<PartnerResponse> list() {
        Map<String, PartnerLastUse.Uses> uses = lastUse.ofAll();
        return directory.all().stream()
                .map(partner -> PartnerResponse.of(partner, uses.getOrDefault(partner.getId(), PartnerLastUse.Uses.NONE)))
                .toList();
    }

    @Operation(summary = "One partner with its keys (ids and dates, never the keys)")
    @ApiResponse(responseCode = "404", description = "No such partner.", content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{partnerId}")
    public PartnerResponse get(@PathVariable String partnerId) {
        return response(partnerId);
    }

    @Operation(summary = "Register or update a partner", description = "201 when new, 200 when updated. Keys stay as they are.")
    @ApiResponse(responseCode = "400", description = "Invalid id or terms, with the fields.",
            content = @Content(mediaType = "application/problem+json"))
    @PutMapping("/{partnerId}")
    public ResponseEntity<PartnerResponse> put(@PathVariable String partnerId, @RequestBody PartnerRequest request,
                                               Authentication user, HttpServletRequest http) {
        List<FieldError> errors = new ArrayList<>(rules.checkPartnerId(partnerId));
        errors.addAll(rules.checkTerms(request.name(), request.intermediaryType(), request.municipalities(), request.active()));
        if (!errors.isEmpty()) {
            throw ReferralIntake.invalid(rules.problems(errors, ReferralApiController.apiLocale(http)));
        }
        boolean created = administration.put(user.getName(), partnerId, new PartnerTerms(request.name().trim(),
                request.intermediaryType(), request.municipalities().stream().distinct().toList(), request.active()));
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(response(partnerId));
    }

    @Operation(summary = "Issue a new API key", description = "The key is in this answer only; Startpakket keeps its hash. "
            + "It authenticates from the next request on.")
    @ApiResponse(responseCode = "404", description = "No such partner.", content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/{partnerId}/keys")
    public ResponseEntity<NewKeyResponse> issueKey(@PathVariable String partnerId, Authentication user) {
        IssuedApiKey key = administration.issueKey(user.getName(), partnerId);
        return ResponseEntity.status(HttpStatus.CREATED).body(new NewKeyResponse(key.keyId(), key.apiKey()));
    }

    @Operation(summary = "Revoke an API key at once", description = "Refused (401) from the next request on. Revoking a revoked "
            + "key changes nothing.")
    @ApiResponse(responseCode = "204", description = "Revoked.")
    @ApiResponse(responseCode = "404", description = "No such partner or key.", content = @Content(mediaType = "application/problem+json"))
    @DeleteMapping("/{partnerId}/keys/{keyId}")
    public ResponseEntity<Void> revokeKey(@PathVariable String partnerId, @PathVariable String keyId, Authentication user) {
        try {
            administration.revokeKey(user.getName(), partnerId, keyId);
        } catch (UnknownPartnerException e) {
            throw problem(new UnknownApiKeyException(partnerId, keyId));
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Create or change a web form user of the partner",
            description = "A new user name is added (a password is required); a user of this partner gets the new password "
                    + "and/or e-mail address for status changes. User names are unique across partners.")
    @ApiResponse(responseCode = "200", description = "Added or reset.")
    @ApiResponse(responseCode = "400", description = "Invalid user name or password.",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "No such partner.", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "The user name belongs to another partner.",
            content = @Content(mediaType = "application/problem+json"))
    @PutMapping("/{partnerId}/users/{username}")
    public ResponseEntity<Map<String, String>> putUser(@PathVariable String partnerId, @PathVariable String username,
                                                       @RequestBody UserRequest request, Authentication user,
                                                       HttpServletRequest http) {
        PartnerView partner = directory.find(partnerId).orElseThrow(() -> problem(new UnknownPartnerException(partnerId)));
        Optional<PartnerView.WebUser> existing = partner.user(username);
        List<FieldError> errors = new ArrayList<>(rules.checkUsername(username));
        if (request.password() != null || existing.isEmpty()) {
            errors.addAll(rules.checkPassword(request.password()));
        } else if (request.email() == null && request.language() == null) {
            errors.add(new FieldError("password", "partner.user.change.required"));
        }
        errors.addAll(rules.checkEmail(request.email()));
        errors.addAll(rules.checkLanguage(request.language()));
        if (!errors.isEmpty()) {
            throw ReferralIntake.invalid(rules.problems(errors, ReferralApiController.apiLocale(http)));
        }
        if (request.password() != null) {
            administration.putUser(user.getName(), partnerId, username, request.password());
        }
        if (request.email() != null || request.language() != null) {
            String email = request.email() != null ? request.email() : existing.map(PartnerView.WebUser::email).orElse(null);
            administration.changeEmail(user.getName(), partnerId, username, email, request.language());
        }
        PartnerView.WebUser saved = directory.find(partnerId).flatMap(p -> p.user(username)).orElseThrow();
        Map<String, String> body = new java.util.LinkedHashMap<>();
        body.put("username", username);
        body.put("partnerId", partnerId);
        if (saved.email() != null) {
            body.put("email", saved.email());
            body.put("language", saved.language());
        }
        return ResponseEntity.ok(body);
    }

    @Operation(summary = "Remove a web form user of the partner", description = "The user cannot sign in from now on.")
    @ApiResponse(responseCode = "204", description = "Removed.")
    @ApiResponse(responseCode = "404", description = "No such partner or user.", content = @Content(mediaType = "application/problem+json"))
    @DeleteMapping("/{partnerId}/users/{username}")
    public ResponseEntity<Void> deleteUser(@PathVariable String partnerId, @PathVariable String username, Authentication user) {
        try {
            administration.removeUser(user.getName(), partnerId, username);
        } catch (UnknownPartnerException e) {
            throw problem(new UnknownWebUserException(partnerId, username));
        }
        return ResponseEntity.noContent().build();
    }

    /** A refusal of the partner aggregate as problem+json. */
    @ExceptionHandler(PartnerRefusedException.class)
    public ResponseEntity<ProblemDetail> refused(PartnerRefusedException refusal) {
        ApiProblem problem = problem(refusal);
        return ResponseEntity.status(problem.getStatusCode()).body(problem.getBody());
    }

    private PartnerResponse response(String partnerId) {
        return directory.find(partnerId).map(partner -> PartnerResponse.of(partner, lastUse.of(partnerId)))
                .orElseThrow(() -> problem(new UnknownPartnerException(partnerId)));
    }

    static ApiProblem problem(PartnerRefusedException refusal) {
        String detail = refusal.getMessage();
        if (refusal instanceof UnknownPartnerException) {
            return new ApiProblem(HttpStatus.NOT_FOUND, "partner-not-found", "Not found", detail);
        }
        if (refusal instanceof UnknownApiKeyException) {
            return new ApiProblem(HttpStatus.NOT_FOUND, "api-key-not-found", "Not found", detail);
        }
        if (refusal instanceof UnknownWebUserException) {
            return new ApiProblem(HttpStatus.NOT_FOUND, "user-not-found", "Not found", detail);
        }
        if (refusal instanceof UserNameTakenException) {
            return new ApiProblem(HttpStatus.CONFLICT, "username-taken", "User name taken", detail);
        }
        if (refusal instanceof WebUserExistsException) {
            return new ApiProblem(HttpStatus.CONFLICT, "user-exists", "User exists", detail);
        }
        if (refusal instanceof UnknownWebhookException) {
            return new ApiProblem(HttpStatus.NOT_FOUND, "webhook-not-found", "Not found", detail);
        }
        if (refusal instanceof PartnerAlreadyRegisteredException) {
            return new ApiProblem(HttpStatus.CONFLICT, "partner-exists", "Partner exists", detail);
        }
        throw new IllegalStateException("Unmapped refusal " + refusal.getClass().getSimpleName(), refusal);
    }
}
