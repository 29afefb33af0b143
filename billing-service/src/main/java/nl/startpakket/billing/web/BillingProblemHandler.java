package nl.startpakket.billing.web;

import java.net.URI;
import nl.startpakket.billing.api.ContractRuleViolation;
import nl.startpakket.billing.api.EInvoiceRefused;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A contract rule's refusal as problem+json: 409 for a conflict with what exists, 422 otherwise.
 * A document the official e-invoice rules refuse (422) lists each broken rule under
 * {@code violations}: {@code rule}, {@code message}, {@code ruleSet}, {@code location}, {@code hint}.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class BillingProblemHandler {

    @ExceptionHandler(ContractRuleViolation.class)
    public ResponseEntity<ProblemDetail> ruleViolation(ContractRuleViolation violation) {
        HttpStatus status = "contract-exists".equals(violation.code()) ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, violation.getMessage());
        problem.setTitle("Refused by the contract's rules");
        problem.setType(URI.create("urn:startpakket:problem:" + violation.code()));
        if (violation instanceof EInvoiceRefused refused) {
            problem.setTitle("Refused by the official e-invoice rules");
            problem.setProperty("violations", refused.failures().stream().map(f -> {
                java.util.Map<String, String> rule = new java.util.LinkedHashMap<>();
                rule.put("rule", f.ruleId());
                rule.put("message", f.message());
                rule.put("ruleSet", f.ruleSet());
                rule.put("location", f.location());
                rule.put("hint", f.hint());
                return rule;
            }).toList());
        }
        return ResponseEntity.status(status).body(problem);
    }
}
