package nl.startpakket.billing.web;

import java.net.URI;
import nl.startpakket.billing.api.ContractRuleViolation;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A contract rule's refusal as problem+json: 409 for a conflict with what exists, 422 otherwise. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BillingProblemHandler {

    @ExceptionHandler(ContractRuleViolation.class)
    public ResponseEntity<ProblemDetail> ruleViolation(ContractRuleViolation violation) {
        HttpStatus status = "contract-exists".equals(violation.code()) ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, violation.getMessage());
        problem.setTitle("Refused by the contract's rules");
        problem.setType(URI.create("urn:startpakket:problem:" + violation.code()));
        return ResponseEntity.status(status).body(problem);
    }
}
