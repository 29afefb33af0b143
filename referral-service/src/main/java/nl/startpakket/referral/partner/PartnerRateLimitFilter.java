package nl.startpakket.referral.partner;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.startpakket.platform.security.ProblemSecurityHandlers;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After the API key is authenticated: a request over the key's rate limit is refused with 429
 * problem+json and {@code Retry-After} (seconds); others carry {@code X-RateLimit-Limit} and
 * {@code X-RateLimit-Remaining}.
 */
public class PartnerRateLimitFilter extends OncePerRequestFilter {

    private final PartnerRateLimiter limiter;

    public PartnerRateLimitFilter(PartnerRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof PartnerPrincipal partner)) {
            chain.doFilter(request, response);
            return;
        }
        PartnerRateLimiter.Decision decision = limiter.tryConsume(partner);
        response.setHeader("X-RateLimit-Limit", Long.toString(decision.limit()));
        response.setHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        if (!decision.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            ProblemSecurityHandlers.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "The rate limit of this API key is reached. Retry after " + decision.retryAfterSeconds() + " s.", request);
            return;
        }
        chain.doFilter(request, response);
    }
}
