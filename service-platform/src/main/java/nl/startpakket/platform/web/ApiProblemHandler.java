package nl.startpakket.platform.web;

import java.net.URI;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as {@code application/problem+json} (RFC 9457): field-level errors for
 * invalid bodies, 4xx for anything the client did wrong, 409 for a concurrent change, and a
 * business rule's refusal with its own status.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ApiProblemHandler::fieldProblem)
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        problem.setTitle("Invalid request");
        problem.setType(URI.create("urn:startpakket:problem:validation"));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        while (cause != null && !(cause instanceof RequestBodyLimitFilter.BodyTooLargeException)) {
            cause = cause.getCause();
        }
        if (cause != null) {
            ProblemDetail tooLarge = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, cause.getMessage());
            tooLarge.setTitle("Request body too large");
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The body is not valid JSON of the expected shape.");
        problem.setTitle("Malformed request body");
        problem.setType(URI.create("urn:startpakket:problem:malformed-body"));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(ApiProblem.class)
    public ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return ResponseEntity.status(problem.getStatusCode()).body(problem.getBody());
    }

    @ExceptionHandler(ConcurrencyException.class)
    public ResponseEntity<ProblemDetail> concurrency(ConcurrencyException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(conflict());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> notFound(AggregateNotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such resource.");
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    /** A command handler's refusal travels wrapped; unwrap the rule that was broken. */
    @ExceptionHandler(CommandExecutionException.class)
    public ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        if (cause instanceof ApiProblem problem) {
            return apiProblem(problem);
        }
        if (cause instanceof ConcurrencyException || e.getMessage() != null && e.getMessage().contains("ConcurrencyException")) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(conflict());
        }
        if (cause instanceof IllegalStateException || cause instanceof IllegalArgumentException) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, cause.getMessage());
            problem.setTitle("Not possible in the current state");
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        throw e;
    }

    private static ProblemDetail conflict() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Someone else changed this at the same moment. Reload and try again.");
        problem.setTitle("Concurrent change");
        problem.setType(URI.create("urn:startpakket:problem:concurrent-change"));
        return problem;
    }

    private static FieldProblem fieldProblem(FieldError error) {
        return new FieldProblem(error.getField(), error.getDefaultMessage());
    }

    /** One invalid field and what is wrong with it. */
    public record FieldProblem(String field, String message) {
    }

}
