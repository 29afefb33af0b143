package nl.startpakket.billing.config;

import nl.startpakket.platform.security.PlatformHttpSecurity;
import nl.startpakket.platform.security.ProblemSecurityHandlers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/** Staff use HTTP Basic on the API; health and Prometheus are open for the platform's probes. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    @Order(1)
    public SecurityFilterChain apiSecurity(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        PlatformHttpSecurity.apply(http, problems)
                .securityMatcher("/api/**", "/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
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
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems));
        return http.build();
    }

    /** The coordinator and finance pages: form login with a session, CSRF-protected forms. */
    @Bean
    @Order(2)
    public SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
        PlatformHttpSecurity.headers(http)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/contracts/*/invoices", "/invoices/*/credit-notes").hasRole("FINANCE")
                        .anyRequest().hasAnyRole("COORDINATOR", "FINANCE"))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/contracts", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll());
        return http.build();
    }
}
