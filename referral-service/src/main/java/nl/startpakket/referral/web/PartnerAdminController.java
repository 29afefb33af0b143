package nl.startpakket.referral.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.startpakket.referral.config.OpenApiConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.platform.audit.AuditTrail;
import nl.startpakket.platform.web.ApiProblem;
import nl.startpakket.platform.web.ApiProblemHandler.FieldProblem;
import nl.startpakket.referral.partner.IssuedApiKey;
import nl.startpakket.referral.partner.Partner;
import nl.startpakket.referral.partner.PartnerDirectory;
import nl.startpakket.referral.partner.PartnerUsers;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Partner organisations, their API keys and their web form users, managed by a COORDINATOR.
 * A new key is shown once; only its hash is kept; a revoked key is refused at once. Issuing and
 * revoking keys is written to the audit trail.
 */
@RestController
// JSON only, decided before the handler runs: an unacceptable Accept is refused (406) before anything changes
@RequestMapping(path = "/api/v1/partners", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Partners", description = "Partner organisations, their API keys and web form users (COORDINATOR).")
@SecurityRequirement(name = OpenApiConfig.STAFF)
public class PartnerAdminController {

    static final Pattern PARTNER_ID = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");
    static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9._@-]{3,100}$");

    private final PartnerDirectory directory;
    private final PartnerUsers users;
    private final ReferralRules rules;

    private final AuditTrail audit;

    public PartnerAdminController(PartnerDirectory directory, PartnerUsers users, ReferralRules rules, AuditTrail audit) {
        this.directory = directory;
        this.users = users;
        this.rules = rules;
        this.audit = audit;
    }

    @Schema(description = "A partner organisation's terms.")
    public record PartnerRequest(
            @Schema(example = "Verloskundigenpraktijk Huizen", requiredMode = Schema.RequiredMode.REQUIRED) String name,
            @Schema(example = "MIDWIFE", requiredMode = Schema.RequiredMode.REQUIRED) IntermediaryType intermediaryType,
            @Schema(example = "[\"GM0406\"]", requiredMode = Schema.RequiredMode.REQUIRED) List<String> municipalities,
            @Schema(example = "true", requiredMode = Schema.RequiredMode.REQUIRED) Boolean active) {
    }

    public record KeyResponse(String keyId, Instant createdAt, Instant revokedAt) {
    }

    public record PartnerResponse(String partnerId, String name, IntermediaryType intermediaryType, List<String> municipalities,
                                  boolean active, List<KeyResponse> keys) {

        static PartnerResponse of(Partner partner) {
            return new PartnerResponse(partner.getId(), partner.getName(), partner.getIntermediaryType(), partner.getMunicipalities(),
                    partner.isActive(), partner.getApiKeys().stream()
                    .map(k -> new KeyResponse(k.keyId(), k.createdAt(), k.revokedAt())).toList());
        }
    }

    @Schema(description = "The new API key. It is shown only in this answer: store it safely.")
    public record NewKeyResponse(@Schema(example = "3f9a0c1b2d4e") String keyId,
                                 @Schema(example = "spk_3f9a0c1b2d4e_Jk8...") String apiKey) {
    }

    public record UserRequest(@Schema(description = "At least 12 characters.", requiredMode = Schema.RequiredMode.REQUIRED)
                              String password) {
    }

    @GetMapping
    public List<PartnerResponse> list() {
        return directory.all().stream().map(PartnerResponse::of).toList();
    }

    @GetMapping("/{partnerId}")
    public PartnerResponse get(@PathVariable String partnerId) {
        return directory.find(partnerId).map(PartnerResponse::of).orElseThrow(() -> notFound(partnerId));
    }

    @Operation(summary = "Register or update a partner", description = "201 when new, 200 when updated. Keys stay as they are.")
    @PutMapping("/{partnerId}")
    public ResponseEntity<PartnerResponse> put(@PathVariable String partnerId, @RequestBody PartnerRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        if (!PARTNER_ID.matcher(partnerId).matches()) {
            errors.add(new FieldProblem("partnerId", "2 to 63 lower-case letters, digits or dashes."));
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            errors.add(new FieldProblem("name", "Required, at most 200 characters."));
        }
        if (request.intermediaryType() == null) {
            errors.add(new FieldProblem("intermediaryType", "One of MUNICIPALITY, MIDWIFE, CONSULTATION_BUREAU, SOCIAL_CARE, OTHER."));
        }
        if (request.municipalities() == null || request.municipalities().isEmpty()) {
            errors.add(new FieldProblem("municipalities", "At least one CBS code, e.g. GM0406."));
        } else {
            for (int i = 0; i < request.municipalities().size(); i++) {
                if (!rules.isKnownMunicipality(request.municipalities().get(i))) {
                    errors.add(new FieldProblem("municipalities[" + i + "]", "Unknown municipality " + request.municipalities().get(i) + "."));
                }
            }
        }
        if (request.active() == null) {
            errors.add(new FieldProblem("active", "Required: true or false."));
        }
        if (!errors.isEmpty()) {
            throw ReferralIntake.invalid(errors);
        }
        boolean created = directory.find(partnerId).isEmpty();
        Partner partner = directory.save(partnerId, request.name().trim(), request.intermediaryType(),
                request.municipalities().stream().distinct().toList(), request.active());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(PartnerResponse.of(partner));
    }

    @Operation(summary = "Issue a new API key", description = "The key is in this answer only; Startpakket keeps its hash.")
    @PostMapping("/{partnerId}/keys")
    public ResponseEntity<NewKeyResponse> issueKey(@PathVariable String partnerId, Authentication user) {
        IssuedApiKey key = directory.issueKey(partnerId).orElseThrow(() -> notFound(partnerId));
        audit.record(user.getName(), "issue-api-key", partnerId, Map.of("keyId", key.keyId()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new NewKeyResponse(key.keyId(), key.apiKey()));
    }

    @Operation(summary = "Revoke an API key at once")
    @DeleteMapping("/{partnerId}/keys/{keyId}")
    public ResponseEntity<Void> revokeKey(@PathVariable String partnerId, @PathVariable String keyId, Authentication user) {
        if (!directory.revokeKey(partnerId, keyId)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "api-key-not-found", "Not found", "No key " + keyId + " of partner " + partnerId + ".");
        }
        audit.record(user.getName(), "revoke-api-key", partnerId, Map.of("keyId", keyId));
        return ResponseEntity.noContent().build();
    }

    /** Creates or resets a web form user of the partner. */
    @PutMapping("/{partnerId}/users/{username}")
    public ResponseEntity<Map<String, String>> putUser(@PathVariable String partnerId, @PathVariable String username,
                                                       @RequestBody UserRequest request) {
        directory.find(partnerId).orElseThrow(() -> notFound(partnerId));
        List<FieldProblem> errors = new ArrayList<>();
        if (!USERNAME.matcher(username).matches()) {
            errors.add(new FieldProblem("username", "3 to 100 letters, digits or . _ @ -"));
        }
        if (request.password() == null || request.password().length() < 12 || request.password().length() > 200) {
            errors.add(new FieldProblem("password", "At least 12 characters."));
        }
        if (!errors.isEmpty()) {
            throw ReferralIntake.invalid(errors);
        }
        if (!users.save(username, request.password(), partnerId)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "username-taken", "User name taken",
                    "User " + username + " belongs to another partner.");
        }
        return ResponseEntity.ok(Map.of("username", username, "partnerId", partnerId));
    }

    @DeleteMapping("/{partnerId}/users/{username}")
    public ResponseEntity<Void> deleteUser(@PathVariable String partnerId, @PathVariable String username) {
        if (!users.delete(username, partnerId)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "user-not-found", "Not found", "No user " + username + " of " + partnerId + ".");
        }
        return ResponseEntity.noContent().build();
    }

    private static ApiProblem notFound(String partnerId) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "partner-not-found", "Not found", "No partner " + partnerId + ".");
    }
}
