package nl.startpakket.platform.security;

import java.util.Collection;
import java.util.List;
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

    public static final String CONTENT_SECURITY_POLICY = contentSecurityPolicy(List.of());

    /**
     * The policy, with forms allowed to post to this origin and to {@code formTargets} (origins
     * such as {@code http://localhost:8085}): a browser also applies {@code form-action} to the
     * redirects after a form, so a sign-in or sign-out that goes on to the identity provider, or
     * from it back to a service, needs that origin.
     */
    public static String contentSecurityPolicy(Collection<String> formTargets) {
        StringBuilder formAction = new StringBuilder("form-action 'self'");
        formTargets.stream().distinct().sorted().forEach(target -> formAction.append(' ').append(target));
        return "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
                + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; " + formAction;
    }

    /** The origin ({@code scheme://host[:port]}) of a URI, for {@link #contentSecurityPolicy(Collection)}. */
    public static String origin(String uri) {
        java.net.URI parsed = java.net.URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getHost() + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort());
    }

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
        return pages(http, problems, loginPage, List.of());
    }

    /** As {@link #pages(HttpSecurity, ProblemSecurityHandlers, String)}, with forms that may lead to {@code formTargets}. */
    public static HttpSecurity pages(HttpSecurity http, ProblemSecurityHandlers problems, String loginPage,
                                     Collection<String> formTargets) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        return headers(http, formTargets)
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
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
        return headers(http, List.of());
    }

    /** The security headers, with forms that may lead to {@code formTargets} (origins). */
    public static HttpSecurity headers(HttpSecurity http, Collection<String> formTargets) throws Exception {
        String policy = contentSecurityPolicy(formTargets);
        return http
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
    }
}
