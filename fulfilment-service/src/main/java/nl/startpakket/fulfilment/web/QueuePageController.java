package nl.startpakket.fulfilment.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import nl.startpakket.fulfilment.api.FindJobsQuery;
import nl.startpakket.fulfilment.api.FindNoticesQuery;
import nl.startpakket.fulfilment.api.JobStatus;
import nl.startpakket.fulfilment.api.JobSummary;
import nl.startpakket.fulfilment.query.JobQueueQueries;
import nl.startpakket.fulfilment.query.NoticeView;
import nl.startpakket.fulfilment.query.VolunteerNoticeProjection;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The queue as volunteers see it on a tablet or phone: most urgent first, with filters and notices. */
@Controller
public class QueuePageController {

    static final List<JobStatus> PUBLIC_STATUSES = List.of(JobStatus.QUEUED, JobStatus.CLAIMED, JobStatus.PACKED,
            JobStatus.EXCEPTION, JobStatus.HANDED_OVER, JobStatus.DELIVERED, JobStatus.CANCELLED);

    private final QueryGateway queries;
    private final JobQueueQueries jobs;
    private final VolunteerNoticeProjection notices;

    public QueuePageController(QueryGateway queries, JobQueueQueries jobs, VolunteerNoticeProjection notices) {
        this.queries = queries;
        this.jobs = jobs;
        this.notices = notices;
    }

    @GetMapping("/")
    public String home() {
        return "redirect:/jobs";
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    @GetMapping("/jobs")
    public String queue(@RequestParam(required = false) JobStatus status, @RequestParam(required = false) Phase phase,
                        @RequestParam(required = false) String municipality,
                        @RequestParam(required = false) DeliveryMethod deliveryMethod,
                        Authentication user, Model model) {
        Set<JobStatus> statuses = status == null ? Set.of() : EnumSet.of(status);
        String place = municipality == null || municipality.isBlank() ? null : municipality;
        List<JobSummary> found = queries.query(new FindJobsQuery(statuses, phase, place, deliveryMethod),
                ResponseTypes.multipleInstancesOf(JobSummary.class)).join();
        List<NoticeView> open = queries.query(new FindNoticesQuery(user.getName()),
                ResponseTypes.multipleInstancesOf(NoticeView.class)).join();
        model.addAttribute("jobs", found);
        model.addAttribute("notices", open);
        model.addAttribute("filter", new QueueFilter(status, phase, place, deliveryMethod));
        model.addAttribute("statuses", PUBLIC_STATUSES);
        model.addAttribute("phases", Phase.values());
        model.addAttribute("methods", DeliveryMethod.values());
        model.addAttribute("municipalities", jobs.municipalities());
        return "queue";
    }

    @PostMapping("/notices/{noticeId}/dismiss")
    public String dismiss(@PathVariable String noticeId, Authentication user) {
        notices.dismiss(noticeId, user.getName());
        return "redirect:/jobs";
    }

    /** The filter as chosen, to show it again. */
    public record QueueFilter(JobStatus status, Phase phase, String municipality, DeliveryMethod deliveryMethod) {
    }
}
