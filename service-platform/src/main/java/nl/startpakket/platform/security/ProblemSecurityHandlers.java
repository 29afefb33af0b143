package nl.startpakket.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as {@code application/problem+json}, as the rest of the API answers errors. */
public class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        if (!request.getRequestURI().startsWith("/api/")) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Startpakket\"");
        } else {
            response.setHeader("WWW-Authenticate", "Bearer, Basic realm=\"Startpakket\"");
        }
        write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                "Send a partner API key or a staff access token of the identity provider as 'Authorization: Bearer <token>'"
                        + " (or, where the service allows it, staff credentials with HTTP Basic).", request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(response, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this request.", request);
    }

    public static void write(HttpServletResponse response, HttpStatus status, String title, String detail,
                             HttpServletRequest request) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail.replace("\"", "'") + "\",\"instance\":\"" + request.getRequestURI().replace("\"", "") + "\"}");
    }
}
