package nl.startpakket.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Collections;
import java.util.Enumeration;
import nl.startpakket.platform.security.ProblemSecurityHandlers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers of API requests that would otherwise reach the parsers as something they cannot
 * handle: a {@code Content-Type} that is unparseable, a wildcard or names an unknown charset is
 * refused with 415 problem+json; an unparseable {@code Accept} counts as absent (any type).
 */
public class ApiRequestGuardFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && !usable(contentType)) {
            ProblemSecurityHandlers.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type",
                    "The Content-Type is not a concrete media type with a known charset.", request);
            return;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && !parses(accept)) {
            chain.doFilter(new AnyAccept(request), response);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean usable(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return false;
            }
            String charset = type.getParameter("charset");
            return charset == null || Charset.isSupported(charset.replace("\"", ""));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean parses(String accept) {
        try {
            MediaType.parseMediaTypes(accept);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The request as if it had sent {@code Accept: *}{@code /*}. */
    private static final class AnyAccept extends HttpServletRequestWrapper {

        AnyAccept(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? MediaType.ALL_VALUE : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(MediaType.ALL_VALUE))
                    : super.getHeaders(name);
        }
    }
}
