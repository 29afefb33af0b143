package nl.startpakket.billing.config;

import nl.startpakket.platform.security.ProblemSecurityHandlers;
import nl.startpakket.platform.security.StaffSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Staff use the identity provider's access tokens on the API and sign in there for the pages;
 * health and Prometheus are open for the platform's probes.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    @Order(1)
    public SecurityFilterChain apiSecurity(HttpSecurity http, StaffSecurity staff, ProblemSecurityHandlers problems) throws Exception {
        staff.api(http, problems)
                .securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .requestMatchers(HttpMethod.PUT, "/api/v1/contracts/*").hasAnyRole("COORDINATOR", "FINANCE")
                        .requestMatchers(HttpMethod.POST, "/api/v1/contracts/*/amendments").hasAnyRole("COORDINATOR", "FINANCE")
                        .requestMatchers(HttpMethod.POST, "/api/v1/contracts/*/invoices").hasRole("FINANCE")
                        .requestMatchers(HttpMethod.POST, "/api/v1/invoices/*/credit-notes").hasRole("FINANCE")
                        .requestMatchers("/api/v1/contracts/**").hasAnyRole("COORDINATOR", "FINANCE")
                        .requestMatchers("/api/v1/invoices/**", "/api/v1/invoices").hasAnyRole("COORDINATOR", "FINANCE")
                        .requestMatchers("/api/v1/held-referrals").hasAnyRole("COORDINATOR", "FINANCE")
                        .requestMatchers("/api/v1/contracts").hasAnyRole("COORDINATOR", "FINANCE")
                        .anyRequest().authenticated());
        return http.build();
    }

    /** The coordinator and finance pages: signed in at the identity provider, CSRF-protected forms. */
    @Bean
    @Order(2)
    public SecurityFilterChain pageSecurity(HttpSecurity http, StaffSecurity staff, ProblemSecurityHandlers problems) throws Exception {
        staff.pages(http, problems, StaffSecurity.SIGN_IN, "/contracts")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/contracts/*/invoices", "/invoices/*/credit-notes").hasRole("FINANCE")
                        .anyRequest().hasAnyRole("COORDINATOR", "FINANCE"));
        return http.build();
    }
}
