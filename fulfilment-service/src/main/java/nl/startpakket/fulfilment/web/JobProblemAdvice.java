package nl.startpakket.fulfilment.web;

import java.util.HashMap;
import java.util.Map;
import nl.startpakket.fulfilment.api.PackingJobRefusal;
import nl.startpakket.fulfilment.api.StockRefusal;
import nl.startpakket.platform.web.ApiProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refusals of the fulfilment domain as problem+json: 409 for a job's state or holder, 400 for an
 * incomplete or inconsistent request. Everything else falls through to the platform's handler.
 */
@RestControllerAdvice(basePackageClasses = JobProblemAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class JobProblemAdvice {

    @ExceptionHandler(PackingJobRefusal.class)
    public ResponseEntity<ProblemDetail> refused(PackingJobRefusal refusal) {
        ApiProblem problem = toProblem(refusal);
        return ResponseEntity.status(problem.getStatusCode()).body(problem.getBody());
    }

    @ExceptionHandler(StockRefusal.class)
    public ResponseEntity<ProblemDetail> refused(StockRefusal refusal) {
        ApiProblem problem = new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", refusal.getMessage());
        return ResponseEntity.status(problem.getStatusCode()).body(problem.getBody());
    }

    public static ApiProblem toProblem(PackingJobRefusal refusal) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("jobId", refusal.jobId());
        properties.put("code", refusal.code());
        if (refusal.status() != null) {
            properties.put("jobStatus", refusal.status().name());
        }
        return switch (refusal.kind()) {
            case HELD_BY_OTHER -> {
                properties.put("heldBy", refusal.heldBy());
                yield new ApiProblem(HttpStatus.CONFLICT, "job-held-by-other", "Job held by another volunteer",
                        refusal.getMessage(), properties);
            }
            case ILLEGAL_TRANSITION -> new ApiProblem(HttpStatus.CONFLICT, "illegal-transition",
                    "Not possible in the job's current status", refusal.getMessage(), properties);
            case INVALID_REQUEST -> new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request",
                    "Invalid request", refusal.getMessage(), properties);
        };
    }
}
