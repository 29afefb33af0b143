package nl.startpakket.referral.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import nl.startpakket.platform.web.ApiProblemHandler.FieldProblem;
import nl.startpakket.referral.api.CancellationReason;
import nl.startpakket.referral.api.ReferralStatus;
import nl.startpakket.referral.api.SubmissionOutcome;
import nl.startpakket.referral.partner.PartnerPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The partner API of DESIGN.md: submit, read, list and cancel the partner's own referrals. */
@RestController
@RequestMapping("/api/v1/referrals")
public class ReferralApiController {

    private final ReferralIntake intake;

    public ReferralApiController(ReferralIntake intake) {
        this.intake = intake;
    }

    @PostMapping
    public ResponseEntity<ReferralCreatedResponse> submit(@AuthenticationPrincipal PartnerPrincipal partner,
                                                          @RequestBody ReferralRequest request, HttpServletRequest http) {
        SubmissionOutcome outcome = intake.submit(partner, request, apiLocale(http));
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(outcome.referralId()).toUri();
        return ResponseEntity.created(location).body(ReferralCreatedResponse.of(outcome));
    }

    @GetMapping("/{referralId}")
    public ReferralResponse get(@AuthenticationPrincipal PartnerPrincipal partner, @PathVariable String referralId) {
        return intake.find(partner, referralId).map(ReferralResponse::of).orElseThrow(() -> ReferralIntake.notFound(referralId));
    }

    @GetMapping
    public List<ReferralResponse> list(@AuthenticationPrincipal PartnerPrincipal partner,
                                       @RequestParam(required = false) ReferralStatus status) {
        return intake.list(partner, status).stream().map(ReferralResponse::of).toList();
    }

    @PostMapping("/{referralId}/cancel")
    public ReferralResponse cancel(@AuthenticationPrincipal PartnerPrincipal partner, @PathVariable String referralId,
                                   @RequestBody CancelRequest request, HttpServletRequest http) {
        CancellationReason reason = parseReason(request == null ? null : request.reason(), apiLocale(http));
        intake.cancel(partner, referralId, reason);
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
