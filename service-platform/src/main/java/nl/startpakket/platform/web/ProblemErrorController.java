package nl.startpakket.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error path ({@code /error}) for errors that no controller advice answered (a method not
 * allowed, an unparseable {@code Accept}, a request the firewall rejected, ...): for API paths
 * always {@code application/problem+json}, written directly so no content negotiation can fail;
 * pages keep Spring Boot's error page.
 */
public class ProblemErrorController extends BasicErrorController {

    public ProblemErrorController(ErrorAttributes errorAttributes, ErrorProperties errorProperties,
                                  List<ErrorViewResolver> errorViewResolvers) {
        super(errorAttributes, errorProperties, errorViewResolvers);
    }

    @Override
    public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
        if (isApi(request)) {
            writeProblem(request, response);
            return null;
        }
        return super.errorHtml(request, response);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (isApi(request)) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Map.of("type", "about:blank", "title", status.getReasonPhrase(), "status", status.value(),
                            "detail", detail(status), "instance", originalUri(request)));
        }
        return super.error(request);
    }

    @Override
    public ResponseEntity<String> mediaTypeNotAcceptable(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemJson.of(status.value(), detail(status), originalUri(request)));
    }

    private void writeProblem(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = getStatus(request);
        try {
            response.setStatus(status.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(ProblemJson.of(status.value(), detail(status), originalUri(request)));
        } catch (IOException | IllegalStateException e) {
            // the client went away or the response was already committed
        }
    }

    static boolean isApi(HttpServletRequest request) {
        return originalUri(request).startsWith("/api/");
    }

    private static String originalUri(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String text ? text : request.getRequestURI();
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request cannot be read (its path, headers or body).";
            case NOT_FOUND -> "No such resource.";
            case METHOD_NOT_ALLOWED -> "This method is not allowed on this resource.";
            case NOT_ACCEPTABLE -> "The Accept header asks for a representation this resource does not have.";
            case UNSUPPORTED_MEDIA_TYPE -> "The Content-Type of the body is not supported here.";
            default -> status.getReasonPhrase();
        };
    }
}
