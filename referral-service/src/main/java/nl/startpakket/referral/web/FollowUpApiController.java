package nl.startpakket.referral.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.startpakket.events.Phase;
import nl.startpakket.platform.web.ApiProblem;
import nl.startpakket.referral.api.FollowUpOutcome;
import nl.startpakket.referral.api.FollowUpRefusedException;
import nl.startpakket.referral.api.ParentDetails;
import nl.startpakket.referral.followup.FollowUpDesk;
import nl.startpakket.referral.query.FollowUpTaskView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The follow-up desk for a municipality's social team (SOCIAL_TEAM of that municipality): its
 * tasks, a task with the contact details the parent shared (the viewing is audited), and the
 * outcome. Tasks of other municipalities answer 404.
 */
@RestController
@RequestMapping(path = "/api/v1/follow-ups", produces = MediaType.APPLICATION_JSON_VALUE)
public class FollowUpApiController {

    private final FollowUpDesk desk;

    public FollowUpApiController(FollowUpDesk desk) {
        this.desk = desk;
    }

    public record TaskResponse(String referralId, String municipality, Phase phase, LocalDate deliveredOn, Instant openedAt,
                               FollowUpOutcome outcome, Instant outcomeAt, ParentDetails contact) {

        static TaskResponse of(FollowUpTaskView task, ParentDetails contact) {
            return new TaskResponse(task.referralId(), task.municipality(), task.phase(), task.deliveredOn(), task.openedAt(),
                    task.outcome(), task.outcomeAt(), contact);
        }
    }

    public record OutcomeRequest(FollowUpOutcome outcome) {
    }

    /** The municipality's tasks, without contact details (open one to see them). */
    @GetMapping
    public List<TaskResponse> tasks(Authentication signedIn) {
        return desk.tasks(municipality(signedIn)).stream().map(task -> TaskResponse.of(task, null)).toList();
    }

    @GetMapping("/{referralId}")
    public TaskResponse task(@PathVariable String referralId, Authentication signedIn) {
        return desk.open(referralId, municipality(signedIn), signedIn.getName())
                .map(detail -> TaskResponse.of(detail.task(), detail.contact()))
                .orElseThrow(() -> notFound(referralId));
    }

    @PostMapping(path = "/{referralId}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
    public TaskResponse record(@PathVariable String referralId, @RequestBody OutcomeRequest request, Authentication signedIn) {
        if (request == null || request.outcome() == null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "outcome-required", "Outcome required",
                    "outcome is one of CONTACTED, HELP_ACCEPTED, DECLINED, UNREACHABLE.");
        }
        try {
            return TaskResponse.of(desk.record(referralId, request.outcome(), municipality(signedIn), signedIn.getName()), null);
        } catch (FollowUpRefusedException refused) {
            throw notFound(referralId);
        }
    }

    private static String municipality(Authentication signedIn) {
        return FollowUpDesk.municipalityOf(signedIn.getAuthorities())
                .orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "no-municipality", "Forbidden",
                        "A social team's account names its municipality."));
    }

    private static ApiProblem notFound(String referralId) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "follow-up-not-found", "Not found", "No follow-up " + referralId
                + " of your municipality.");
    }
}
