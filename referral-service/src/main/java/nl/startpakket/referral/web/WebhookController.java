package nl.startpakket.referral.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.startpakket.platform.web.ApiProblem;
import nl.startpakket.referral.config.OpenApiConfig;
import nl.startpakket.referral.api.ReferralStatus;
import nl.startpakket.referral.api.notification.NotificationBusyException;
import nl.startpakket.referral.api.notification.NotificationChannel;
import nl.startpakket.referral.api.notification.NotificationState;
import nl.startpakket.referral.api.partner.PartnerRefusedException;
import nl.startpakket.referral.api.partner.UnknownPartnerException;
import nl.startpakket.referral.api.partner.UnknownWebhookException;
import nl.startpakket.referral.api.partner.WebhookSettings;
import nl.startpakket.referral.notification.NotificationLog;
import nl.startpakket.referral.notification.NotificationReplays;
import nl.startpakket.referral.notification.NotificationView;
import nl.startpakket.referral.notification.UnknownNotificationException;
import nl.startpakket.referral.partner.PartnerAdministration;
import nl.startpakket.referral.partner.PartnerDirectory;
import nl.startpakket.referral.partner.PartnerPrincipal;
import nl.startpakket.referral.partner.PartnerView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhooks and their delivery logs, twice over the same code: the partner's own under
 * {@code /api/v1/webhooks} (its API key), any partner's under {@code /api/v1/partners/{id}/webhooks}
 * (COORDINATOR), plus every notification of a partner, e-mail included, for the coordinator. A
 * signing secret is shown once, when the webhook is registered. Every change and replay is audited.
 */
@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Webhooks", description = "Signed CloudEvents to a partner's system on every status change of its referrals.")
public class WebhookController {

    /** How many notifications a list shows at most. */
    static final int LIST_LIMIT = 100;

    private final PartnerDirectory directory;
    private final PartnerAdministration administration;
    private final NotificationLog notifications;
    private final NotificationReplays replays;
    private final WebhookRules rules;
    private final PartnerRules partnerRules;

    public WebhookController(PartnerDirectory directory, PartnerAdministration administration, NotificationLog notifications,
                             NotificationReplays replays, WebhookRules rules, PartnerRules partnerRules) {
        this.directory = directory;
        this.administration = administration;
        this.notifications = notifications;
        this.replays = replays;
        this.rules = rules;
        this.partnerRules = partnerRules;
    }

    @Schema(description = "A webhook: where to POST, which statuses, whether active.")
    public record WebhookRequest(
            @Schema(example = "https://partner.example.org/startpakket/events", requiredMode = Schema.RequiredMode.REQUIRED) String url,
            @Schema(description = "Absent: all. Of ACCEPTED, REJECTED, ON_HOLD, FUNDED, PACKING, PACKED, DELIVERED, CANCELLED.",
                    example = "[\"ACCEPTED\", \"REJECTED\", \"FUNDED\", \"ON_HOLD\", \"DELIVERED\", \"CANCELLED\"]")
            List<String> statuses,
            @Schema(description = "Absent: true.") Boolean active) {
    }

    public record WebhookResponse(String webhookId, String url, List<ReferralStatus> statuses, boolean active, Instant createdAt,
                                  Instant changedAt) {

        static WebhookResponse of(PartnerView.Webhook webhook) {
            return new WebhookResponse(webhook.webhookId(), webhook.url(), webhook.statuses(), webhook.active(), webhook.createdAt(),
                    webhook.changedAt());
        }
    }

    @Schema(description = "The new webhook with its signing secret (Standard Webhooks, whsec_…). The secret is in this answer only.")
    public record NewWebhookResponse(String webhookId, String url, List<ReferralStatus> statuses, boolean active,
                                     @Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String signingSecret) {
    }

    @Schema(description = "A notification of one status change to one webhook or web form user, with every attempt.")
    public record NotificationResponse(String notificationId, NotificationChannel channel, String target, String referralId,
                                       ReferralStatus status, String reason, Instant statusAt, NotificationState state,
                                       Instant scheduledAt, Instant nextAttemptAt, List<NotificationView.Attempt> attempts,
                                       List<NotificationView.Replay> replays) {

        static NotificationResponse of(NotificationView n) {
            return new NotificationResponse(n.getId(), n.getChannel(), n.getTarget(), n.getReferralId(), n.getStatus(), n.getReason(),
                    n.getStatusAt(), n.getState(), n.getScheduledAt(), n.getState() == NotificationState.PENDING ? n.getNextAttemptAt()
                    : null, n.getAttempts(), n.getReplays());
        }
    }

    // ---- the partner's own (API key) ----

    @Operation(summary = "This partner's webhooks")
    @SecurityRequirement(name = OpenApiConfig.PARTNER_KEY)
    @GetMapping("/api/v1/webhooks")
    public List<WebhookResponse> ownList(@AuthenticationPrincipal PartnerPrincipal partner) {
        return list(partner.partnerId());
    }

    @Operation(summary = "Register a webhook", description = "https only. The answer carries the signing secret, once.")
    @ApiResponse(responseCode = "201", description = "Registered.")
    @ApiResponse(responseCode = "400", description = "Invalid address or statuses, with the fields.",
            content = @Content(mediaType = "application/problem+json"))
    @SecurityRequirement(name = OpenApiConfig.PARTNER_KEY)
    @PostMapping("/api/v1/webhooks")
    public ResponseEntity<NewWebhookResponse> ownRegister(@AuthenticationPrincipal PartnerPrincipal partner,
                                                         @RequestBody WebhookRequest request, HttpServletRequest http) {
        return register(actor(partner), partner.partnerId(), request, http, "/api/v1/webhooks/");
    }

    @Operation(summary = "One of this partner's webhooks")
    @SecurityRequirement(name = OpenApiConfig.PARTNER_KEY)
    @GetMapping("/api/v1/webhooks/{webhookId}")
    public WebhookResponse ownGet(@AuthenticationPrincipal PartnerPrincipal partner, @PathVariable String webhookId) {
        return WebhookResponse.of(webhook(partner.partnerId(), webhookId));
    }

    @Operation(summary = "Change a webhook's address, statuses or whether it is active", description = "The signing secret stays.")
    @SecurityRequirement(name = OpenApiConfig.PARTNER_KEY)
    @PutMapping("/api/v1/webhooks/{webhookId}")
    public WebhookResponse ownChange(@AuthenticationPrincipal PartnerPrincipal partner, @PathVariable String webhookId,
                                     @RequestBody WebhookRequest request, HttpServletRequest http) {
        return change(actor(partner), partner.partnerId(), webhookId, request, http);
    }

    @Operation(summary = "Remove a webhook", description = "Notifications not yet delivered to it end as failed.")
    @ApiResponse(responseCode = "204", description = "Removed.")
    @SecurityRequirement(name = OpenApiConfig.PARTNER_KEY)
    @DeleteMapping("/api/v1/webhooks/{webhookId}")
    public ResponseEntity<Void> ownRemove(@AuthenticationPrincipal PartnerPrincipal partner, @PathVariable String webhookId) {
        return remove(actor(partner), partner.partnerId(), webhookId);
    }

    @Operation(summary = "The delivery log of a webhook", description = "Newest first, at most 100; each with its attempts.")
    @SecurityRequirement(name = OpenApiConfig.PARTNER_KEY)
    @GetMapping("/api/v1/webhooks/{webhookId}/deliveries")
    public List<NotificationResponse> ownDeliveries(@AuthenticationPrincipal PartnerPrincipal partner, @PathVariable String webhookId,
                                                    @RequestParam(required = false) NotificationState state) {
        return deliveries(partner.partnerId(), webhookId, state);
    }

    @Operation(summary = "Send a notification again", description = "Same webhook-id; a fresh budget of attempts.")
    @ApiResponse(responseCode = "202", description = "Due again at once.")
    @ApiResponse(responseCode = "409", description = "An attempt is under way.", content = @Content(mediaType = "application/problem+json"))
    @SecurityRequirement(name = OpenApiConfig.PARTNER_KEY)
    @PostMapping("/api/v1/webhooks/{webhookId}/deliveries/{notificationId}/replay")
    public ResponseEntity<NotificationResponse> ownReplay(@AuthenticationPrincipal PartnerPrincipal partner,
                                                          @PathVariable String webhookId, @PathVariable String notificationId) {
        webhook(partner.partnerId(), webhookId);
        return replay(actor(partner), partner.partnerId(), webhookId, notificationId);
    }

    // ---- any partner's (COORDINATOR) ----

    @Operation(summary = "A partner's webhooks (COORDINATOR)")
    @SecurityRequirement(name = OpenApiConfig.STAFF)
    @GetMapping("/api/v1/partners/{partnerId}/webhooks")
    public List<WebhookResponse> partnerList(@PathVariable String partnerId) {
        return list(partnerId);
    }

    @Operation(summary = "Register a webhook for a partner (COORDINATOR)", description = "The answer carries the signing secret, once.")
    @SecurityRequirement(name = OpenApiConfig.STAFF)
    @PostMapping("/api/v1/partners/{partnerId}/webhooks")
    public ResponseEntity<NewWebhookResponse> partnerRegister(@PathVariable String partnerId, @RequestBody WebhookRequest request,
                                                              Authentication user, HttpServletRequest http) {
        partner(partnerId);
        return register(user.getName(), partnerId, request, http, "/api/v1/partners/" + partnerId + "/webhooks/");
    }

    @SecurityRequirement(name = OpenApiConfig.STAFF)
    @GetMapping("/api/v1/partners/{partnerId}/webhooks/{webhookId}")
    public WebhookResponse partnerGet(@PathVariable String partnerId, @PathVariable String webhookId) {
        return WebhookResponse.of(webhook(partnerId, webhookId));
    }

    @SecurityRequirement(name = OpenApiConfig.STAFF)
    @PutMapping("/api/v1/partners/{partnerId}/webhooks/{webhookId}")
    public WebhookResponse partnerChange(@PathVariable String partnerId, @PathVariable String webhookId,
                                         @RequestBody WebhookRequest request, Authentication user, HttpServletRequest http) {
        return change(user.getName(), partnerId, webhookId, request, http);
    }

    @SecurityRequirement(name = OpenApiConfig.STAFF)
    @DeleteMapping("/api/v1/partners/{partnerId}/webhooks/{webhookId}")
    public ResponseEntity<Void> partnerRemove(@PathVariable String partnerId, @PathVariable String webhookId, Authentication user) {
        return remove(user.getName(), partnerId, webhookId);
    }

    @SecurityRequirement(name = OpenApiConfig.STAFF)
    @GetMapping("/api/v1/partners/{partnerId}/webhooks/{webhookId}/deliveries")
    public List<NotificationResponse> partnerDeliveries(@PathVariable String partnerId, @PathVariable String webhookId,
                                                        @RequestParam(required = false) NotificationState state) {
        return deliveries(partnerId, webhookId, state);
    }

    @Operation(summary = "A partner's notifications, webhooks and e-mail (COORDINATOR)", description = "Newest first, at most 100.")
    @SecurityRequirement(name = OpenApiConfig.STAFF)
    @GetMapping("/api/v1/partners/{partnerId}/notifications")
    public List<NotificationResponse> partnerNotifications(@PathVariable String partnerId,
                                                           @RequestParam(required = false) NotificationChannel channel,
                                                           @RequestParam(required = false) NotificationState state) {
        partner(partnerId);
        return notifications.ofPartner(partnerId, channel, null, state, LIST_LIMIT).stream()
                .map(NotificationResponse::of).toList();
    }

    @Operation(summary = "Send a partner's notification again (COORDINATOR)", description = "Webhook or e-mail; audited.")
    @SecurityRequirement(name = OpenApiConfig.STAFF)
    @PostMapping("/api/v1/partners/{partnerId}/notifications/{notificationId}/replay")
    public ResponseEntity<NotificationResponse> partnerReplay(@PathVariable String partnerId, @PathVariable String notificationId,
                                                              Authentication user) {
        partner(partnerId);
        return replay(user.getName(), partnerId, null, notificationId);
    }

    // ---- the same for both ----

    private List<WebhookResponse> list(String partnerId) {
        return partner(partnerId).getWebhooks().stream().map(WebhookResponse::of).toList();
    }

    private ResponseEntity<NewWebhookResponse> register(String actor, String partnerId, WebhookRequest request,
                                                        HttpServletRequest http, String location) {
        WebhookSettings settings = settings(request, http);
        PartnerAdministration.NewWebhook created = administration.registerWebhook(actor, partnerId, settings);
        return ResponseEntity.created(URI.create(location + created.webhookId())).body(new NewWebhookResponse(created.webhookId(),
                settings.url(), settings.statuses(), settings.active(), created.signingSecret()));
    }

    private WebhookResponse change(String actor, String partnerId, String webhookId, WebhookRequest request, HttpServletRequest http) {
        webhook(partnerId, webhookId);
        administration.changeWebhook(actor, partnerId, webhookId, settings(request, http));
        return WebhookResponse.of(webhook(partnerId, webhookId));
    }

    private ResponseEntity<Void> remove(String actor, String partnerId, String webhookId) {
        webhook(partnerId, webhookId);
        administration.removeWebhook(actor, partnerId, webhookId);
        return ResponseEntity.noContent().build();
    }

    private List<NotificationResponse> deliveries(String partnerId, String webhookId, NotificationState state) {
        webhook(partnerId, webhookId);
        return notifications.ofPartner(partnerId, NotificationChannel.WEBHOOK, webhookId, state, LIST_LIMIT).stream()
                .map(NotificationResponse::of).toList();
    }

    private ResponseEntity<NotificationResponse> replay(String actor, String partnerId, String webhookId, String notificationId) {
        replays.replay(actor, partnerId, webhookId, notificationId);
        return ResponseEntity.accepted().body(notifications.find(notificationId).map(NotificationResponse::of).orElseThrow());
    }

    private WebhookSettings settings(WebhookRequest request, HttpServletRequest http) {
        if (request == null) {
            throw ReferralIntake.invalid(partnerRules.problems(List.of(new FieldError("url", "webhook.url.required",
                    WebhookRules.MAX_URL)), ReferralApiController.apiLocale(http)));
        }
        List<FieldError> errors = new ArrayList<>();
        WebhookSettings settings = rules.settings(request.url(), request.statuses(), request.active(), errors);
        if (!errors.isEmpty()) {
            throw ReferralIntake.invalid(partnerRules.problems(errors, ReferralApiController.apiLocale(http)));
        }
        return settings;
    }

    private PartnerView partner(String partnerId) {
        return directory.find(partnerId).orElseThrow(() -> PartnerAdminController.problem(new UnknownPartnerException(partnerId)));
    }

    private PartnerView.Webhook webhook(String partnerId, String webhookId) {
        return partner(partnerId).webhook(webhookId)
                .orElseThrow(() -> PartnerAdminController.problem(new UnknownWebhookException(partnerId, webhookId)));
    }

    private static String actor(PartnerPrincipal partner) {
        return "api-key:" + partner.keyId();
    }

    @ExceptionHandler(PartnerRefusedException.class)
    public ResponseEntity<ProblemDetail> refused(PartnerRefusedException refusal) {
        ApiProblem problem = PartnerAdminController.problem(refusal);
        return ResponseEntity.status(problem.getStatusCode()).body(problem.getBody());
    }

    @ExceptionHandler(UnknownNotificationException.class)
    public ResponseEntity<ProblemDetail> unknownNotification(UnknownNotificationException e) {
        ApiProblem problem = new ApiProblem(HttpStatus.NOT_FOUND, "notification-not-found", "Not found", e.getMessage());
        return ResponseEntity.status(problem.getStatusCode()).body(problem.getBody());
    }

    @ExceptionHandler(NotificationBusyException.class)
    public ResponseEntity<ProblemDetail> busy(NotificationBusyException e) {
        ApiProblem problem = new ApiProblem(HttpStatus.CONFLICT, "notification-busy", "Being sent", e.getMessage());
        return ResponseEntity.status(problem.getStatusCode()).body(problem.getBody());
    }
}
