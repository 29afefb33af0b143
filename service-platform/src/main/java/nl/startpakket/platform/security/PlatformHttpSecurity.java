package nl.startpakket.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What every service's security filter chain shares: problem+json for 401/403 and strict
 * security headers (content security policy, no framing, no referrer, no sniffing).
 */
public final class PlatformHttpSecurity {

    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                    + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private PlatformHttpSecurity() {
    }

    /** Security headers and problem+json 401/403: for API filter chains. */
    public static HttpSecurity apply(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        return headers(http)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
    }

    /**
     * For page filter chains: the security headers, problem+json 401/403 for API paths, and for
     * every other path the redirect to the login page and the error page.
     */
    public static HttpSecurity pages(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        return pages(http, problems, "/login");
    }

    /** As {@link #pages(HttpSecurity, ProblemSecurityHandlers)}, signing in at {@code loginPage}. */
    public static HttpSecurity pages(HttpSecurity http, ProblemSecurityHandlers problems, String loginPage) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        return apply(http, problems)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(null)
                        .defaultAuthenticationEntryPointFor(problems, api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(loginPage), AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(null)
                        .defaultAccessDeniedHandlerFor(problems, api)
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE));
    }

    /** Only the security headers: for page filter chains, whose login form handles 401. */
    public static HttpSecurity headers(HttpSecurity http) throws Exception {
        return http
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
    }
}
