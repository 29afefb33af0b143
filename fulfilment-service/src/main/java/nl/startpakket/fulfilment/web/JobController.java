package nl.startpakket.fulfilment.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import nl.startpakket.fulfilment.api.Actor;
import nl.startpakket.fulfilment.api.ClaimJobCommand;
import nl.startpakket.fulfilment.api.ConfirmDeliveryCommand;
import nl.startpakket.fulfilment.api.ExceptionKind;
import nl.startpakket.fulfilment.api.FindJobQuery;
import nl.startpakket.fulfilment.api.FindJobsQuery;
import nl.startpakket.fulfilment.api.HandOverCommand;
import nl.startpakket.fulfilment.api.ItemQuantity;
import nl.startpakket.fulfilment.api.JobStatus;
import nl.startpakket.fulfilment.api.JobSummary;
import nl.startpakket.fulfilment.api.MarkPackedCommand;
import nl.startpakket.fulfilment.api.Recipient;
import nl.startpakket.fulfilment.api.ReleaseJobCommand;
import nl.startpakket.fulfilment.api.ReportExceptionCommand;
import nl.startpakket.fulfilment.api.ResumeJobCommand;
import nl.startpakket.fulfilment.api.Urgency;
import nl.startpakket.fulfilment.query.JobView;
import nl.startpakket.fulfilment.privacy.DeliveryDataProtection;
import nl.startpakket.fulfilment.query.UrgencyRule;
import nl.startpakket.platform.audit.AuditTrail;
import nl.startpakket.platform.security.StaffRole;
import nl.startpakket.platform.web.ApiProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The packing queue for volunteers and coordinators. The acting volunteer is the signed-in
 * user; refusals (held by someone else, not possible now) answer 409 problem+json.
 */
@RestController
// JSON only, decided before the handler runs: an unacceptable Accept is refused (406) before anything changes
@RequestMapping(path = "/api/v1/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
public class JobController {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final UrgencyRule urgency;
    private final PackingItems packingItems;

    private final DeliveryDataProtection protection;
    private final AuditTrail audit;

    public JobController(CommandGateway commands, QueryGateway queries, UrgencyRule urgency, PackingItems packingItems,
                         DeliveryDataProtection protection, AuditTrail audit) {
        this.commands = commands;
        this.queries = queries;
        this.urgency = urgency;
        this.packingItems = packingItems;
        this.protection = protection;
        this.audit = audit;
    }

    /** Open jobs (or those of the given statuses), overdue first, then at risk, then by deadline. */
    @GetMapping
    public List<JobResponse> jobs(@RequestParam(required = false) List<JobStatus> status,
                                  @RequestParam(required = false) Phase phase,
                                  @RequestParam(required = false) String municipality,
                                  @RequestParam(required = false) DeliveryMethod deliveryMethod) {
        // "status=," binds as empty (null) elements: they filter nothing
        List<JobStatus> given = status == null ? List.of() : status.stream().filter(java.util.Objects::nonNull).toList();
        Set<JobStatus> statuses = given.isEmpty() ? Set.of() : EnumSet.copyOf(given);
        List<JobSummary> jobs = queries.query(new FindJobsQuery(statuses, phase, municipality, deliveryMethod),
                ResponseTypes.multipleInstancesOf(JobSummary.class)).join();
        return jobs.stream().map(JobResponse::of).toList();
    }

    /** One job; the delivery address only for the volunteer holding it and for coordinators. */
    @GetMapping("/{jobId}")
    public JobDetailsResponse job(@PathVariable String jobId, Authentication user) {
        JobView job = queries.query(new FindJobQuery(jobId), ResponseTypes.optionalInstanceOf(JobView.class)).join()
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "job-not-found", "Not found", "No job " + jobId + "."));
        Actor actor = actor(user);
        boolean withAddress = job.addressVisibleTo(actor.username(), actor.coordinator());
        return JobDetailsResponse.of(job, urgency.of(job.status(), job.deadline()),
                withAddress ? protection.reveal(job) : new DeliveryDataProtection.Revealed(null, null, false));
    }

    @PostMapping("/{jobId}/claim")
    public TransitionResponse claim(@PathVariable String jobId, Authentication user) {
        commands.sendAndWait(new ClaimJobCommand(jobId, actor(user)));
        audit.record(user.getName(), "claim-job", jobId, java.util.Map.of());
        return new TransitionResponse(jobId, JobStatus.CLAIMED);
    }

    @PostMapping("/{jobId}/release")
    public TransitionResponse release(@PathVariable String jobId, Authentication user) {
        commands.sendAndWait(new ReleaseJobCommand(jobId, actor(user)));
        return new TransitionResponse(jobId, JobStatus.QUEUED);
    }

    /**
     * Packed from a template: {@code itemsUsed} are the checklist lines that went in. Without a
     * body, the job's phase's default template counts as used in full.
     */
    @PostMapping("/{jobId}/packed")
    public TransitionResponse packed(@PathVariable String jobId, @Valid @RequestBody(required = false) PackedRequest request,
                                     Authentication user) {
        MarkPackedCommand command = request == null || request.templateId() == null && request.itemsUsed() == null
                ? packingItems.packedInFull(jobId, actor(user))
                : new MarkPackedCommand(jobId, actor(user), request.templateId(), request.itemsUsed());
        commands.sendAndWait(command);
        return new TransitionResponse(jobId, JobStatus.PACKED);
    }

    @PostMapping("/{jobId}/handed-over")
    public TransitionResponse handedOver(@PathVariable String jobId, @Valid @RequestBody(required = false) HandOverRequest request,
                                         Authentication user) {
        HandOverRequest body = request == null ? new HandOverRequest(null, null) : request;
        commands.sendAndWait(new HandOverCommand(jobId, actor(user), body.method(), body.carrierReference()));
        return new TransitionResponse(jobId, JobStatus.HANDED_OVER);
    }

    @PostMapping("/{jobId}/delivered")
    public TransitionResponse delivered(@PathVariable String jobId, @RequestBody(required = false) DeliveredRequest request,
                                        Authentication user) {
        LocalDate on = request == null ? null : request.deliveredOn();
        commands.sendAndWait(new ConfirmDeliveryCommand(jobId, actor(user), on));
        return new TransitionResponse(jobId, JobStatus.DELIVERED);
    }

    /** Not reachable, returned or address unknown, with a reason: the job waits in EXCEPTION. */
    @PostMapping("/{jobId}/exception")
    public TransitionResponse exception(@PathVariable String jobId, @Valid @RequestBody ExceptionRequest request,
                                        Authentication user) {
        commands.sendAndWait(new ReportExceptionCommand(jobId, actor(user), request.kind(), request.reason()));
        return new TransitionResponse(jobId, JobStatus.EXCEPTION);
    }

    /** The exception is solved: back to the queue (or to PACKED / HANDED_OVER when the package exists). */
    @PostMapping("/{jobId}/resume")
    public TransitionResponse resume(@PathVariable String jobId, @Valid @RequestBody(required = false) ResumeRequest request,
                                     Authentication user) {
        JobStatus status = commands.sendAndWait(new ResumeJobCommand(jobId, actor(user), request == null ? null : request.note()));
        return new TransitionResponse(jobId, status);
    }

    static Actor actor(Authentication user) {
        boolean coordinator = user.getAuthorities().stream()
                .anyMatch(a -> StaffRole.COORDINATOR.authority().equals(a.getAuthority()));
        return new Actor(user.getName(), coordinator);
    }

    /** A line of the queue. */
    public record JobResponse(String jobId, String referralId, Phase phase, String municipality,
                              DeliveryMethod deliveryMethod, LocalDate deadline, JobStatus status, String claimedBy,
                              Urgency urgency) {

        static JobResponse of(JobSummary job) {
            return new JobResponse(job.jobId(), job.referralId(), job.phase(), job.municipality(), job.deliveryMethod(),
                    job.deadline(), job.status(), job.claimedBy(), job.urgency());
        }
    }

    /**
     * One job; {@code recipient} and {@code notes} are null for whoever may not see them, and read
     * "[erased]" ({@code personalDataErased}) once the referral's personal data was erased.
     */
    public record JobDetailsResponse(String jobId, String referralId, Phase phase, String municipality,
                                     DeliveryMethod deliveryMethod, LocalDate deadline, JobStatus status, String claimedBy,
                                     Urgency urgency, String templateId, List<ItemQuantity> itemsUsed,
                                     String carrierReference, ExceptionKind exceptionKind, String exceptionReason,
                                     Recipient recipient, String notes, boolean personalDataErased) {

        static JobDetailsResponse of(JobView job, Urgency urgency, DeliveryDataProtection.Revealed personal) {
            return new JobDetailsResponse(job.jobId(), job.referralId(), job.phase(), job.municipality(),
                    job.deliveryMethod(), job.deadline(), job.status(), job.claimedBy(), urgency, job.templateId(),
                    job.itemsUsed(), job.carrierReference(), job.exceptionKind(), job.exceptionReason(),
                    personal.recipient(), personal.notes(), personal.erased());
        }
    }

    /** The job's status after the request. */
    public record TransitionResponse(String jobId, JobStatus status) {
    }

    /** What went into the package: the template and the checklist lines used. */
    public record PackedRequest(@Size(max = 64) String templateId, @Size(max = 200) List<@Valid ItemQuantity> itemsUsed) {
    }

    /** How the package left: the method (default: as referred) and, for home delivery, the carrier's reference. */
    public record HandOverRequest(DeliveryMethod method, @Size(max = 100) String carrierReference) {
    }

    /** When the family received it (default today). */
    public record DeliveredRequest(LocalDate deliveredOn) {
    }

    /** What stands in the way, and why. */
    public record ExceptionRequest(@NotNull ExceptionKind kind, @NotBlank @Size(max = 500) String reason) {
    }

    /** How it was solved (optional). */
    public record ResumeRequest(@Size(max = 500) String note) {
    }
}
