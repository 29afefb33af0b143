package nl.startpakket.fulfilment.config;

import nl.startpakket.platform.security.PlatformHttpSecurity;
import nl.startpakket.platform.security.ProblemSecurityHandlers;
import nl.startpakket.platform.security.StaffRole;
import nl.startpakket.platform.security.StaffSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The API for staff (volunteers and coordinators) with the identity provider's access tokens,
 * problem+json for 401/403; the pages signed in at the provider, with CSRF protection. Every
 * chain has the platform's security headers (CSP, no framing, no referrer) via
 * {@link PlatformHttpSecurity}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    @Order(1)
    public SecurityFilterChain apiSecurity(HttpSecurity http, StaffSecurity staff, ProblemSecurityHandlers problems) throws Exception {
        return staff.api(http, problems)
                .securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/jobs/**", "/api/v1/notices/**")
                        .hasAnyRole(StaffRole.VOLUNTEER.name(), StaffRole.COORDINATOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/stock/**", "/api/v1/templates/**")
                        .hasAnyRole(StaffRole.VOLUNTEER.name(), StaffRole.COORDINATOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/stock/*/receipts")
                        .hasAnyRole(StaffRole.VOLUNTEER.name(), StaffRole.COORDINATOR.name())
                        .anyRequest().hasRole(StaffRole.COORDINATOR.name()))
                .build();
    }

    /**
     * The pages: signed in at the identity provider, session with CSRF protection; templates only
     * for coordinators. Unauthenticated pages go to the sign-in and refusals show the error page;
     * only an API path would answer problem+json.
     */
    @Bean
    @Order(3)
    public SecurityFilterChain pageSecurity(HttpSecurity http, StaffSecurity staff, ProblemSecurityHandlers problems) throws Exception {
        return staff.pages(http, problems, StaffSecurity.SIGN_IN, "/jobs")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/templates/**").hasRole(StaffRole.COORDINATOR.name())
                        .anyRequest().hasAnyRole(StaffRole.VOLUNTEER.name(), StaffRole.COORDINATOR.name()))
                .build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain actuatorSecurity(HttpSecurity http, StaffSecurity staff, ProblemSecurityHandlers problems) throws Exception {
        return staff.api(http, problems)
                .securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .anyRequest().hasRole(StaffRole.COORDINATOR.name()))
                .build();
    }
}
