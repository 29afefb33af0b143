package nl.startpakket.referral.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.startpakket.platform.web.ApiProblemHandler.FieldProblem;
import nl.startpakket.referral.config.OpenApiConfig;
import nl.startpakket.referral.api.CancellationReason;
import nl.startpakket.referral.api.ReferralStatus;
import nl.startpakket.referral.api.SubmissionOutcome;
import nl.startpakket.referral.partner.PartnerPrincipal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The partner API of DESIGN.md: submit, read, list and cancel the partner's own referrals. */
@RestController
// JSON only, decided before the handler runs: an unacceptable Accept is refused (406) before anything changes
@RequestMapping(path = "/api/v1/referrals", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Referrals", description = "A partner's referrals: submit, follow, amend, cancel.")
@SecurityRequirement(name = OpenApiConfig.PARTNER_KEY)
@ApiResponse(responseCode = "401", description = "No or an unknown/revoked API key.",
        content = @Content(mediaType = "application/problem+json"))
public class ReferralApiController {

    static final String VALID_EXAMPLE = """
            {
              "municipality": "GM0406",
              "phase": "BABY",
              "expectedDueDate": "2026-09-15",
              "parent": {
                "name": "A. Jansen",
                "street": "Voorbeeldstraat",
                "houseNumber": "12a",
                "postalCode": "1271 AB",
                "city": "Huizen",
                "phone": "0612345678",
                "email": "parent@example.org"
              },
              "deliveryMethod": "HOME_DELIVERY",
              "consentFollowUp": true,
              "notes": "Ring twice"
            }""";

    static final String TODDLER_EXAMPLE = """
            {
              "municipality": "GM0917",
              "phase": "TODDLER",
              "childBirthDate": "2025-11-02",
              "parent": {"name": "B. de Vries", "street": "Kerkstraat", "houseNumber": "3", "postalCode": "6411 AA", "city": "Heerlen"},
              "deliveryMethod": "PICKUP_BY_INTERMEDIARY",
              "consentFollowUp": false
            }""";

    static final String ACCEPTED_EXAMPLE = """
            {"referralId": "R-5b8e9c1a-3f0d-4d7e-b2a4-0c9e8f7d6a51", "status": "ACCEPTED"}""";

    static final String DUPLICATE_EXAMPLE = """
            {"referralId": "R-0c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f", "status": "REJECTED", "reason": "DUPLICATE",
             "firstReferralStatus": "FUNDED"}""";

    static final String INVALID_EXAMPLE = """
            {"type": "urn:startpakket:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "The request has invalid fields.", "instance": "/api/v1/referrals",
             "errors": [{"field": "parent.postalCode", "message": "A Dutch postal code is four digits and two letters, e.g. 1271 AB."},
                        {"field": "expectedDueDate", "message": "A BABY referral needs the expected due date."}]}""";

    static final String FORBIDDEN_EXAMPLE = """
            {"type": "urn:startpakket:problem:municipality-not-allowed", "title": "Not registered for this municipality",
             "status": 403, "detail": "Your organisation is not registered to refer for municipality GM0917."}""";

    static final String REUSED_KEY_EXAMPLE = """
            {"type": "urn:startpakket:problem:idempotency-key-reused", "title": "Idempotency key reused", "status": 422,
             "detail": "This Idempotency-Key was used for another request. Use a new key for a new referral."}""";

    static final String REFERRAL_EXAMPLE = """
            {"referralId": "R-5b8e9c1a-3f0d-4d7e-b2a4-0c9e8f7d6a51", "municipality": "GM0406", "phase": "BABY", "status": "FUNDED",
             "consentFollowUp": true,
             "history": [{"status": "SUBMITTED", "at": "2026-03-02T09:15:30Z", "event": "SUBMITTED"},
                         {"status": "ACCEPTED", "at": "2026-03-02T09:15:30Z", "event": "ACCEPTED"},
                         {"status": "FUNDED", "at": "2026-03-02T09:15:31Z", "event": "FUNDED"}]}""";

    private final ReferralIntake intake;

    public ReferralApiController(ReferralIntake intake) {
        this.intake = intake;
    }

    @Operation(summary = "Submit a referral",
            description = "Validates, checks the partner is registered for the municipality, checks for a duplicate household "
                    + "and answers the decision. Nothing invalid is stored.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = ReferralRequest.class),
                    examples = {@ExampleObject(name = "baby", value = VALID_EXAMPLE),
                            @ExampleObject(name = "toddler", value = TODDLER_EXAMPLE)})))
    @ApiResponse(responseCode = "201", description = "Stored and decided; `Location` names the referral.",
            content = @Content(schema = @Schema(implementation = ReferralCreatedResponse.class), examples = {
                    @ExampleObject(name = "accepted", value = ACCEPTED_EXAMPLE),
                    @ExampleObject(name = "duplicate", value = DUPLICATE_EXAMPLE)}))
    @ApiResponse(responseCode = "400", description = "Invalid fields, malformed JSON or an invalid Idempotency-Key.",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = INVALID_EXAMPLE)))
    @ApiResponse(responseCode = "403", description = "The partner is not registered for this municipality.",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = FORBIDDEN_EXAMPLE)))
    @ApiResponse(responseCode = "413", description = "The body is too large.", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body.",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = REUSED_KEY_EXAMPLE)))
    @PostMapping
    public ResponseEntity<ReferralCreatedResponse> submit(@AuthenticationPrincipal PartnerPrincipal partner,
                                                          @Parameter(description = "Any unique string per new referral, "
                                                                  + "e.g. a UUID; send the same one when retrying.",
                                                                  example = "0b6f1d2e-7c1a-4f7e-9a55-3c2d1e0f9a8b")
                                                          @RequestHeader(name = "Idempotency-Key", required = false)
                                                          String idempotencyKey,
                                                          @RequestBody ReferralRequest request, HttpServletRequest http) {
        SubmissionOutcome outcome = intake.submit(partner, request, idempotencyKey, apiLocale(http));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(outcome.referralId()).toUri();
        return ResponseEntity.created(location).body(ReferralCreatedResponse.of(outcome));
    }

    @Operation(summary = "One of your referrals with its history")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReferralResponse.class),
            examples = @ExampleObject(value = REFERRAL_EXAMPLE)))
    @ApiResponse(responseCode = "404", description = "Unknown, or another partner's referral.",
            content = @Content(mediaType = "application/problem+json"))
    @GetMapping("/{referralId}")
    public ReferralResponse get(@AuthenticationPrincipal PartnerPrincipal partner, @PathVariable String referralId) {
        return intake.find(partner, referralId).map(ReferralResponse::of).orElseThrow(() -> ReferralIntake.notFound(referralId));
    }

    @Operation(summary = "Your referrals, newest first, optionally with one status")
    @GetMapping
    public List<ReferralResponse> list(@AuthenticationPrincipal PartnerPrincipal partner,
                                       @RequestParam(required = false) ReferralStatus status) {
        return intake.list(partner, status).stream().map(ReferralResponse::of).toList();
    }

    @Operation(summary = "Cancel one of your referrals",
            description = "Reason codes: PREGNANCY_ENDED, MOVED_AWAY, NO_LONGER_NEEDED, OTHER. Cancelling twice changes nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = CancelRequest.class),
                    examples = @ExampleObject(value = "{\"reason\": \"MOVED_AWAY\"}"))))
    @ApiResponse(responseCode = "200", description = "Cancelled; the referral as it is now.")
    @ApiResponse(responseCode = "404", description = "Unknown, or another partner's referral.",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "Rejected or delivered referrals cannot be cancelled.",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/{referralId}/cancel")
    public ReferralResponse cancel(@AuthenticationPrincipal PartnerPrincipal partner, @PathVariable String referralId,
                                   @RequestBody CancelRequest request, HttpServletRequest http) {
        CancellationReason reason = parseReason(request == null ? null : request.reason(), apiLocale(http));
        intake.cancel(partner, referralId, reason);
        return get(partner, referralId);
    }

    @Operation(summary = "Amend the due date, birth date or delivery details before packing starts",
            description = "Fulfilment receives the new details at once. An amendment that would make this the same household "
                    + "as another referral of the package is refused (409).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    schema = @Schema(implementation = AmendmentRequest.class),
                    examples = @ExampleObject(value = "{\"expectedDueDate\": \"2026-09-29\", \"deliveryMethod\": \"PICKUP_BY_INTERMEDIARY\"}"))))
    @ApiResponse(responseCode = "200", description = "Amended; the referral with the amendment in its history.")
    @ApiResponse(responseCode = "400", description = "Invalid fields.", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "Packing has started, or the referral was rejected or cancelled.",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping("/{referralId}/amendments")
    public ReferralResponse amend(@AuthenticationPrincipal PartnerPrincipal partner, @PathVariable String referralId,
                                  @RequestBody AmendmentRequest request, HttpServletRequest http) {
        intake.amend(partner, referralId, request, apiLocale(http));
        return get(partner, referralId);
    }

    private CancellationReason parseReason(String reason, Locale locale) {
        try {
            return CancellationReason.valueOf(reason == null ? "" : reason.trim());
        } catch (IllegalArgumentException e) {
            throw ReferralIntake.invalid(List.of(new FieldProblem("reason",
                    intake.message(new FieldError("reason", "referral.cancel.reason.required"), locale))));
        }
    }

    /** English unless the client asks for Dutch. */
    static Locale apiLocale(HttpServletRequest http) {
        String accept = http.getHeader("Accept-Language");
        return accept != null && accept.toLowerCase(Locale.ROOT).startsWith("nl") ? Locale.forLanguageTag("nl") : Locale.ENGLISH;
    }

}
