package nl.startpakket.platform.web;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A refusal the client must see as a problem+json with a 4xx status and a stable type. */
public class ApiProblem extends ErrorResponseException {

    public ApiProblem(HttpStatus status, String type, String title, String detail) {
        this(status, type, title, detail, Map.of());
    }

    public ApiProblem(HttpStatus status, String type, String title, String detail, Map<String, Object> properties) {
        super(status, problem(status, type, title, detail, properties), null);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("urn:startpakket:problem:" + type));
        properties.forEach(problem::setProperty);
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
