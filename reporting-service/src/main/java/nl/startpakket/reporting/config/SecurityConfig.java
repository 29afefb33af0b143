package nl.startpakket.reporting.config;

import nl.startpakket.platform.security.StaffSecurity;
import nl.startpakket.platform.security.ProblemSecurityHandlers;
import nl.startpakket.platform.security.StaffRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two doors: the API (staff with the identity provider's access tokens, stateless, errors as
 * problem+json) and the dashboard pages (signed in at the provider, a session, CSRF protected). Which municipality a viewer may
 * see is decided per request ({@code web.ReportAccess}). Scripts only from this service itself
 * (Chart.js as a WebJar), so the content security policy needs no inline script.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    private static final String[] VIEWERS = {StaffRole.COORDINATOR.name(), StaffRole.EVALUATOR.name()};

    @Bean
    @Order(1)
    public SecurityFilterChain apiSecurity(HttpSecurity http, StaffSecurity staff, ProblemSecurityHandlers problems) throws Exception {
        return staff.api(http, problems)
                .securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/api/v1/reports/**").hasAnyRole(VIEWERS)
                        .anyRequest().hasRole(StaffRole.COORDINATOR.name()))
                .build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain pageSecurity(HttpSecurity http, StaffSecurity staff, ProblemSecurityHandlers problems) throws Exception {
        return staff.pages(http, problems, StaffSecurity.SIGN_IN, "/dashboard")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/", "/dashboard/**").hasAnyRole(VIEWERS)
                        .anyRequest().denyAll())
                .build();
    }
}
