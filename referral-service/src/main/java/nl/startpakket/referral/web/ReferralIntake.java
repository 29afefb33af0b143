package nl.startpakket.referral.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.startpakket.events.Phase;
import nl.startpakket.platform.web.ApiProblem;
import nl.startpakket.platform.web.ApiProblemHandler.FieldProblem;
import nl.startpakket.referral.api.AmendReferralCommand;
import nl.startpakket.referral.api.CancelReferralCommand;
import nl.startpakket.referral.api.DuplicateHouseholdException;
import nl.startpakket.referral.api.CancellationReason;
import nl.startpakket.referral.api.DeliveryDetails;
import nl.startpakket.referral.api.FindReferralQuery;
import nl.startpakket.referral.api.FindReferralsQuery;
import nl.startpakket.referral.api.ParentDetails;
import nl.startpakket.referral.api.ReferralOwnershipException;
import nl.startpakket.referral.api.ReferralStateException;
import nl.startpakket.referral.api.ReferralStatus;
import nl.startpakket.referral.api.SubmissionOutcome;
import nl.startpakket.referral.api.SubmitReferralCommand;
import nl.startpakket.referral.command.HouseholdKeys;
import nl.startpakket.referral.partner.PartnerPrincipal;
import nl.startpakket.referral.query.ReferralView;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the API and the web form share: validate, check the partner may refer for the
 * municipality, derive the household key, submit and answer the decision; read and cancel a
 * partner's own referrals. Refusals are {@link ApiProblem}s (problem+json on the API).
 */
@Service
public class ReferralIntake {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(3);
    private static final long POLL_MILLIS = 250;

    private final ReferralRules rules;
    private final HouseholdKeys householdKeys;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final MessageSource messages;
    private final IdempotencyKeys idempotencyKeys;
    private final com.fasterxml.jackson.databind.ObjectMapper canonicalJson;

    public ReferralIntake(ReferralRules rules, HouseholdKeys householdKeys, CommandGateway commands, QueryGateway queries,
                          MessageSource messages, IdempotencyKeys idempotencyKeys,
                          com.fasterxml.jackson.databind.ObjectMapper objectMapper) {
        this.rules = rules;
        this.householdKeys = householdKeys;
        this.commands = commands;
        this.queries = queries;
        this.messages = messages;
        this.idempotencyKeys = idempotencyKeys;
        this.canonicalJson = objectMapper.copy()
                .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true);
    }

    /** Field errors of the request, with messages in the given language; empty when valid. */
    public List<FieldProblem> validate(PartnerPrincipal partner, ReferralRequest request, Locale locale) {
        return rules.check(request).stream().map(error -> new FieldProblem(error.field(), message(error, locale))).toList();
    }

    public SubmissionOutcome submit(PartnerPrincipal partner, ReferralRequest request, Locale locale) {
        return submit(partner, request, null, locale);
    }

    /**
     * Validates and submits. With an idempotency key, a retry of the same request answers the
     * referral the first one made; the same key with another request is refused (422).
     */
    public SubmissionOutcome submit(PartnerPrincipal partner, ReferralRequest request, String idempotencyKey, Locale locale) {
        List<FieldProblem> errors = validate(partner, request, locale);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        requireRegisteredFor(partner, request.municipality(), locale);
        String referralId = "R-" + UUID.randomUUID();
        if (idempotencyKey != null) {
            requireUsableKey(idempotencyKey);
            Optional<IdempotencyKeys.Use> earlier = idempotencyKeys.recordFirstUse(partner.partnerId(), idempotencyKey,
                    requestHash(request), referralId);
            if (earlier.isPresent()) {
                return replay(partner, earlier.get(), requestHash(request));
            }
        }
        SubmissionOutcome outcome;
        try {
            outcome = commands.sendAndWait(toCommand(referralId, partner, request));
        } catch (RuntimeException e) {
            if (idempotencyKey != null) {
                idempotencyKeys.forget(partner.partnerId(), idempotencyKey);
            }
            throw e;
        }
        awaitVisible(partner, referralId);
        return outcome;
    }

    private SubmissionOutcome replay(PartnerPrincipal partner, IdempotencyKeys.Use earlier, String requestHash) {
        if (!earlier.requestHash().equals(requestHash)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was used for another request. Use a new key for a new referral.");
        }
        awaitVisible(partner, earlier.referralId());
        ReferralView view = find(partner, earlier.referralId()).orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT,
                "idempotent-request-in-progress", "Request in progress",
                "The first request with this Idempotency-Key is still being handled. Try again shortly."));
        return new SubmissionOutcome(view.getReferralId(), view.getStatus(), view.getRejectionReason(), view.getFirstReferralStatus());
    }

    private static void requireUsableKey(String key) {
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "idempotency-key-invalid", "Invalid Idempotency-Key",
                    "An Idempotency-Key is 1 to 200 visible ASCII characters, e.g. a UUID.");
        }
    }

    /** The request as parsed, so a retry with other whitespace or field order counts as the same request. */
    String requestHash(ReferralRequest request) {
        try {
            byte[] canonical = canonicalJson.writeValueAsBytes(request);
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot hash the request", e);
        }
    }

    SubmitReferralCommand toCommand(String referralId, PartnerPrincipal partner, ReferralRequest request) {
        ReferralRequest.ParentRequest p = request.parent();
        ParentDetails parent = toParent(p);
        DeliveryDetails details = new DeliveryDetails(request.expectedDueDate(), request.childBirthDate(), parent,
                request.deliveryMethod(), blankToNull(request.notes()));
        String householdKey = householdKeys.keyOf(p.postalCode(), p.houseNumber(),
                request.phase() == Phase.BABY ? request.expectedDueDate() : request.childBirthDate());
        return new SubmitReferralCommand(referralId, partner.partnerId(), partner.intermediaryType(), request.municipality(),
                request.phase(), details, request.consentFollowUp(), householdKey);
    }

    static ParentDetails toParent(ReferralRequest.ParentRequest p) {
        return new ParentDetails(p.name().trim(), p.street().trim(), HouseholdKeys.normaliseHouseNumber(p.houseNumber()),
                formatPostalCode(p.postalCode()), p.city().trim(), blankToNull(p.phone()), blankToNull(p.email()));
    }

    public Optional<ReferralView> find(PartnerPrincipal partner, String referralId) {
        return queries.query(new FindReferralQuery(partner.partnerId(), referralId), ResponseTypes.optionalInstanceOf(ReferralView.class))
                .join();
    }

    public List<ReferralView> list(PartnerPrincipal partner, ReferralStatus status) {
        return queries.query(new FindReferralsQuery(partner.partnerId(), status), ResponseTypes.multipleInstancesOf(ReferralView.class))
                .join();
    }

    public void cancel(PartnerPrincipal partner, String referralId, CancellationReason reason) {
        find(partner, referralId).orElseThrow(() -> notFound(referralId));
        send(new CancelReferralCommand(referralId, partner.partnerId(), reason.name()), referralId);
        awaitView(partner, referralId, view -> view.getStatus() == ReferralStatus.CANCELLED);
    }

    /** Validates an amendment against the referral's phase and sends it; the view shows it when this returns. */
    public void amend(PartnerPrincipal partner, String referralId, AmendmentRequest request, Locale locale) {
        ReferralView view = find(partner, referralId).orElseThrow(() -> notFound(referralId));
        List<FieldError> errors = new java.util.ArrayList<>();
        if (request.isEmpty()) {
            errors.add(new FieldError("", "referral.amendment.empty"));
        }
        if (request.expectedDueDate() != null) {
            if (view.getPhase() == Phase.BABY) {
                rules.checkDueDate(request.expectedDueDate(), "expectedDueDate", errors);
            } else {
                errors.add(new FieldError("expectedDueDate", "referral.expectedDueDate.onlyBaby"));
            }
        }
        if (request.childBirthDate() != null) {
            if (view.getPhase() == Phase.TODDLER) {
                rules.checkBirthDate(request.childBirthDate(), "childBirthDate", errors);
            } else {
                errors.add(new FieldError("childBirthDate", "referral.childBirthDate.onlyToddler"));
            }
        }
        if (request.parent() != null) {
            rules.checkParent(request.parent(), errors);
        }
        if (request.notes() != null && request.notes().length() > 1000) {
            errors.add(new FieldError("notes", "referral.field.tooLong", 1000));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors.stream().map(e -> new FieldProblem(e.field(), message(e, locale))).toList());
        }
        int historyBefore = view.getHistory().size();
        Boolean changed = send(new AmendReferralCommand(referralId, partner.partnerId(), request.expectedDueDate(),
                request.childBirthDate(), request.parent() == null ? null : toParent(request.parent()), request.deliveryMethod(),
                request.notes()), referralId);
        if (Boolean.TRUE.equals(changed)) {
            awaitView(partner, referralId, v -> v.getHistory().size() > historyBefore);
        }
    }

    /** Sends a command about an existing referral, turning domain refusals into 404/409 problems. */
    <R> R send(Object command, String referralId) {
        try {
            return commands.sendAndWait(command);
        } catch (CommandExecutionException e) {
            throw translate(e.getCause() != null ? e.getCause() : e, referralId);
        } catch (RuntimeException e) {
            throw translate(e, referralId);
        }
    }

    private RuntimeException translate(Throwable failure, String referralId) {
        if (failure instanceof ReferralOwnershipException || failure instanceof AggregateNotFoundException) {
            return notFound(referralId);
        }
        if (failure instanceof DuplicateHouseholdException duplicate) {
            return new ApiProblem(HttpStatus.CONFLICT, "duplicate-household", "Same household as another referral",
                    failure.getMessage(), Map.of("firstReferralStatus", duplicate.firstReferralStatus().name()));
        }
        if (failure instanceof ReferralStateException) {
            return new ApiProblem(HttpStatus.CONFLICT, "referral-state", "Not possible in the referral's status", failure.getMessage());
        }
        return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    /** Waits (briefly) until the partner's view shows the decision, so a GET right after the POST finds it decided. */
    void awaitVisible(PartnerPrincipal partner, String referralId) {
        awaitView(partner, referralId, view -> view.getStatus() != ReferralStatus.SUBMITTED);
    }

    /**
     * Waits until the partner's view meets {@code condition}: a subscription query, so the view
     * projection's update wakes it at once when this instance projects the referral; when another
     * instance does (its segment of the processor), the view is read again every
     * {@value #POLL_MILLIS} ms. Returns after {@link #VISIBLE_WITHIN} at the latest.
     */
    void awaitView(PartnerPrincipal partner, String referralId, java.util.function.Predicate<ReferralView> condition) {
        FindReferralQuery query = new FindReferralQuery(partner.partnerId(), referralId);
        try (SubscriptionQueryResult<Optional<ReferralView>, ReferralView> view = queries.subscriptionQuery(query,
                ResponseTypes.optionalInstanceOf(ReferralView.class), ResponseTypes.instanceOf(ReferralView.class))) {
            Flux<ReferralView> polls = Flux.interval(Duration.ofMillis(POLL_MILLIS))
                    .concatMap(tick -> Mono.fromFuture(() -> queries.query(query, ResponseTypes.optionalInstanceOf(ReferralView.class))))
                    .flatMap(Mono::justOrEmpty);
            Flux.concat(view.initialResult().flatMap(Mono::justOrEmpty), Flux.merge(view.updates(), polls))
                    .filter(condition)
                    .next()
                    .timeout(VISIBLE_WITHIN, Mono.empty())
                    .block();
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return;
            }
            throw e;
        }
    }

    void requireRegisteredFor(PartnerPrincipal partner, String municipality, Locale locale) {
        if (!partner.mayReferFor(municipality)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "municipality-not-allowed", "Not registered for this municipality",
                    messages.getMessage("referral.municipality.notAllowed", new Object[] {municipality}, locale));
        }
    }

    public static ApiProblem notFound(String referralId) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "referral-not-found", "Not found", "No referral " + referralId + ".");
    }

    public static ApiProblem invalid(List<FieldProblem> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", "The request has invalid fields.",
                Map.of("errors", errors));
    }

    String message(FieldError error, Locale locale) {
        return messages.getMessage(error.code(), error.args(), error.code(), locale);
    }

    static String formatPostalCode(String postalCode) {
        String normal = HouseholdKeys.normalisePostalCode(postalCode);
        return normal.length() == 6 ? normal.substring(0, 4) + " " + normal.substring(4) : normal;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
