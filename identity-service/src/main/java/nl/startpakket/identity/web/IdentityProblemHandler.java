package nl.startpakket.identity.web;

import java.net.URI;
import nl.startpakket.identity.api.StaffAccountRuleViolation;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An account rule's refusal as problem+json: 404 for an unknown account, 409 for a conflict, 422 otherwise. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IdentityProblemHandler {

    @ExceptionHandler(StaffAccountRuleViolation.class)
    public ResponseEntity<ProblemDetail> ruleViolation(StaffAccountRuleViolation violation) {
        HttpStatus status = switch (violation.code()) {
            case "account-not-found" -> HttpStatus.NOT_FOUND;
            case "account-exists", "last-coordinator", "own-account", "own-coordinator-role" -> HttpStatus.CONFLICT;
            default -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, violation.getMessage());
        problem.setTitle("Refused by the account rules");
        problem.setType(URI.create("urn:startpakket:problem:" + violation.code()));
        return ResponseEntity.status(status).body(problem);
    }
}
