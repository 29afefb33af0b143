package nl.startpakket.fulfilment.web;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import nl.startpakket.fulfilment.api.Actor;
import nl.startpakket.fulfilment.api.ClaimJobCommand;
import nl.startpakket.fulfilment.api.ConfirmDeliveryCommand;
import nl.startpakket.fulfilment.api.FindJobsQuery;
import nl.startpakket.fulfilment.api.HandOverCommand;
import nl.startpakket.fulfilment.api.JobStatus;
import nl.startpakket.fulfilment.api.JobSummary;
import nl.startpakket.fulfilment.api.MarkPackedCommand;
import nl.startpakket.fulfilment.api.ReleaseJobCommand;
import nl.startpakket.platform.security.StaffRole;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
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
@RequestMapping("/api/v1/jobs")
public class JobController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    public JobController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping
    public List<JobResponse> jobs(@RequestParam(required = false) List<JobStatus> status,
                                  @RequestParam(required = false) Phase phase,
                                  @RequestParam(required = false) String municipality,
                                  @RequestParam(required = false) DeliveryMethod deliveryMethod) {
        Set<JobStatus> statuses = status == null || status.isEmpty() ? Set.of() : EnumSet.copyOf(status);
        List<JobSummary> jobs = queries.query(new FindJobsQuery(statuses, phase, municipality, deliveryMethod),
                ResponseTypes.multipleInstancesOf(JobSummary.class)).join();
        return jobs.stream().map(JobResponse::of).toList();
    }

    @PostMapping("/{jobId}/claim")
    public TransitionResponse claim(@PathVariable String jobId, Authentication user) {
        commands.sendAndWait(new ClaimJobCommand(jobId, actor(user)));
        return new TransitionResponse(jobId, JobStatus.CLAIMED);
    }

    @PostMapping("/{jobId}/release")
    public TransitionResponse release(@PathVariable String jobId, Authentication user) {
        commands.sendAndWait(new ReleaseJobCommand(jobId, actor(user)));
        return new TransitionResponse(jobId, JobStatus.QUEUED);
    }

    @PostMapping("/{jobId}/packed")
    public TransitionResponse packed(@PathVariable String jobId, Authentication user) {
        commands.sendAndWait(new MarkPackedCommand(jobId, actor(user)));
        return new TransitionResponse(jobId, JobStatus.PACKED);
    }

    @PostMapping("/{jobId}/handed-over")
    public TransitionResponse handedOver(@PathVariable String jobId, @RequestBody(required = false) HandOverRequest request,
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

    static Actor actor(Authentication user) {
        boolean coordinator = user.getAuthorities().stream()
                .anyMatch(a -> StaffRole.COORDINATOR.authority().equals(a.getAuthority()));
        return new Actor(user.getName(), coordinator);
    }

    /** A line of the queue. */
    public record JobResponse(String jobId, String referralId, Phase phase, String municipality,
                              DeliveryMethod deliveryMethod, LocalDate deadline, JobStatus status, String claimedBy) {

        static JobResponse of(JobSummary job) {
            return new JobResponse(job.jobId(), job.referralId(), job.phase(), job.municipality(), job.deliveryMethod(),
                    job.deadline(), job.status(), job.claimedBy());
        }
    }

    /** The job's status after the request. */
    public record TransitionResponse(String jobId, JobStatus status) {
    }

    /** How the package left: the method (default: as referred) and, for home delivery, the carrier's reference. */
    public record HandOverRequest(DeliveryMethod method, String carrierReference) {
    }

    /** When the family received it (default today). */
    public record DeliveredRequest(LocalDate deliveredOn) {
    }
}
