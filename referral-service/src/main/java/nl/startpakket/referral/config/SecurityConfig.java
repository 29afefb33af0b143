package nl.startpakket.referral.config;

import nl.startpakket.platform.security.PlatformHttpSecurity;
import nl.startpakket.platform.security.ProblemSecurityHandlers;
import nl.startpakket.platform.security.StaffRole;
import nl.startpakket.platform.security.StaffSecurity;
import nl.startpakket.referral.partner.PartnerApiKeyFilter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.startpakket.referral.partner.PartnerDirectory;
import nl.startpakket.referral.partner.PartnerRateLimitFilter;
import nl.startpakket.referral.partner.MongoBucketStore;
import nl.startpakket.referral.partner.PartnerRateLimiter;
import nl.startpakket.referral.partner.PartnerUsers;
import nl.startpakket.referral.web.StaffHome;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what: partners with their API key (Bearer) on the referral and webhook API, staff with the
 * identity provider's access tokens on the rest of the API (every 401/403 there is problem+json),
 * partner users with a login form and staff signed in at the identity provider on the pages. Every chain has the platform's security headers (CSP, no framing, no
 * referrer) via {@link PlatformHttpSecurity}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    /** Erasure is a coordinator's act (staff chain), though it sits under the partners' referral paths. */
    static final RequestMatcher ERASURE = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/referrals/*/erasure");

    private final PasswordEncoder passwordEncoder;

    public SecurityConfig(PasswordEncoder passwordEncoder) {
        this.passwordEncoder = passwordEncoder;
    }

    @Bean
    @Order(1)
    SecurityFilterChain partnerApi(HttpSecurity http, PartnerDirectory partners, ProblemSecurityHandlers problems,
                                   ReferralProperties properties, MeterRegistry meters, java.time.Clock clock,
                                   org.springframework.data.mongodb.core.MongoTemplate mongo) throws Exception {
        PlatformHttpSecurity.apply(http, problems)
                .securityMatcher(new OrRequestMatcher(
                        new AndRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/v1/referrals/**"),
                                new NegatedRequestMatcher(ERASURE)),
                        // a partner's own webhooks and their delivery logs
                        PathPatternRequestMatcher.withDefaults().matcher("/api/v1/webhooks/**")))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new PartnerApiKeyFilter(partners, problems), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority(PartnerApiKeyFilter.PARTNER_ROLE));
        ReferralProperties.RateLimit limit = properties.getRateLimit();
        if (limit.isEnabled()) {
            // per API key, so after the key is known; the buckets in this service's database, shared by its instances
            MongoBucketStore buckets = new MongoBucketStore(mongo.getCollection(MongoBucketStore.COLLECTION),
                    PartnerRateLimiter.storeConfig(clock));
            http.addFilterAfter(new PartnerRateLimitFilter(new PartnerRateLimiter(buckets, limit.getCapacity(),
                    limit.getRefillTokens(), limit.getRefillPeriod(), meters)), PartnerApiKeyFilter.class);
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain staffApi(HttpSecurity http, StaffSecurity staff, ProblemSecurityHandlers problems) throws Exception {
        return staff.api(http, problems)
                .securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/partners/**").hasRole(StaffRole.COORDINATOR.name())
                        .requestMatchers("/api/v1/imports/**", "/api/v1/imports").hasRole(StaffRole.COORDINATOR.name())
                        .requestMatchers(ERASURE).hasRole(StaffRole.COORDINATOR.name())
                        .requestMatchers("/api/v1/follow-ups/**", "/api/v1/follow-ups").hasRole(StaffRole.SOCIAL_TEAM.name())
                        .anyRequest().authenticated())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain operations(HttpSecurity http, StaffSecurity staff, ProblemSecurityHandlers problems) throws Exception {
        return staff.api(http, problems)
                .securityMatcher("/actuator/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/actuator/health/**", "/actuator/health", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .anyRequest().authenticated())
                .build();
    }

    /**
     * The pages, with two kinds of people on one login page: a partner's web-form users sign in
     * with the form (their accounts belong to the partner, kept here with it), the foundation's
     * staff at the identity provider (a coordinator onboarding partners). Sessions with CSRF
     * protection, the platform's security headers. Everything not matched above is a page:
     * unauthenticated it redirects to the login page, refused it is the error page; only an API
     * path would answer problem+json.
     */
    @Bean
    @Order(10)
    SecurityFilterChain pages(HttpSecurity http, PartnerUsers partnerUsers, StaffSecurity staff, ProblemSecurityHandlers problems)
            throws Exception {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(partnerUsers::loadUserByUsername);
        provider.setPasswordEncoder(passwordEncoder);
        return staff.pages(http, problems, "/login", StaffHome.PATH)
                .authenticationProvider(provider)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/partners/**").hasRole(StaffRole.COORDINATOR.name())
                        .requestMatchers("/imports/**", "/imports").hasRole(StaffRole.COORDINATOR.name())
                        .requestMatchers("/follow-up/**", "/follow-up").hasRole(StaffRole.SOCIAL_TEAM.name())
                        .requestMatchers(StaffHome.PATH).hasAnyRole(StaffRole.COORDINATOR.name(), StaffRole.SOCIAL_TEAM.name())
                        .anyRequest().hasAuthority(PartnerApiKeyFilter.PARTNER_ROLE))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/referrals", true).permitAll())
                .build();
    }
}
