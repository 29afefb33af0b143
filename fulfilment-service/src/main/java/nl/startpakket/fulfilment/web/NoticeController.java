package nl.startpakket.fulfilment.web;

import java.time.Instant;
import java.util.List;
import nl.startpakket.fulfilment.api.FindNoticesQuery;
import nl.startpakket.fulfilment.query.NoticeView;
import nl.startpakket.fulfilment.query.VolunteerNoticeProjection;
import nl.startpakket.platform.web.ApiProblem;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the signed-in volunteer must know: jobs they held that were cancelled, claims that were released. */
@RestController
@RequestMapping("/api/v1/notices")
public class NoticeController {

    private final QueryGateway queries;
    private final VolunteerNoticeProjection notices;

    public NoticeController(QueryGateway queries, VolunteerNoticeProjection notices) {
        this.queries = queries;
        this.notices = notices;
    }

    @GetMapping
    public List<NoticeResponse> mine(Authentication user) {
        return queries.query(new FindNoticesQuery(user.getName()), ResponseTypes.multipleInstancesOf(NoticeView.class)).join()
                .stream().map(NoticeResponse::of).toList();
    }

    @PostMapping("/{noticeId}/dismiss")
    public ResponseEntity<Void> dismiss(@PathVariable String noticeId, Authentication user) {
        if (!notices.dismiss(noticeId, user.getName())) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "notice-not-found", "Not found", "No notice " + noticeId + " for you.");
        }
        return ResponseEntity.noContent().build();
    }

    /** A notice: {@code kind} JOB_CANCELLED (then {@code restocked}: the packed package goes back to stock) or a released claim. */
    public record NoticeResponse(String noticeId, String jobId, NoticeView.Kind kind, String reason, boolean restocked, Instant at) {

        static NoticeResponse of(NoticeView n) {
            return new NoticeResponse(n.noticeId(), n.jobId(), n.kind(), n.reason(), n.restocked(), n.at());
        }
    }
}
