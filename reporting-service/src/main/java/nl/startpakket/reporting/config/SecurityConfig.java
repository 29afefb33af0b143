package nl.startpakket.reporting.config;

import nl.startpakket.platform.security.PlatformHttpSecurity;
import nl.startpakket.platform.security.ProblemSecurityHandlers;
import nl.startpakket.platform.security.StaffRole;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two doors: the API (staff with HTTP Basic, stateless, errors as problem+json) and the
 * dashboard pages (a login form and a session, CSRF protected). Which municipality a viewer may
 * see is decided per request ({@code web.ReportAccess}). Scripts only from this service itself
 * (Chart.js as a WebJar), so the content security policy needs no inline script.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    private static final String[] VIEWERS = {StaffRole.COORDINATOR.name(), StaffRole.EVALUATOR.name()};

    @Bean
    @Order(1)
    public SecurityFilterChain apiSecurity(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        return PlatformHttpSecurity.apply(http, problems)
                .securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info", "/actuator/prometheus")
                        .permitAll()
                        .requestMatchers("/api/v1/reports/**").hasAnyRole(VIEWERS)
                        .anyRequest().hasRole(StaffRole.COORDINATOR.name()))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
        return PlatformHttpSecurity.headers(http)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/", "/dashboard/**").hasAnyRole(VIEWERS)
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/dashboard", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .build();
    }
}
