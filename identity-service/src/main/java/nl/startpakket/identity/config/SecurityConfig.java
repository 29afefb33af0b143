package nl.startpakket.identity.config;

import nl.startpakket.platform.security.PlatformHttpSecurity;
import nl.startpakket.platform.security.ProblemSecurityHandlers;
import nl.startpakket.platform.security.StaffRole;
import nl.startpakket.platform.security.StaffTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import nl.startpakket.identity.query.StaffAccounts;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Besides the provider's endpoints: the accounts API (this provider's own tokens, or HTTP Basic
 * checked against the accounts directly: it is the provider), and the sign-in page with the
 * coordinators' account pages and everyone's own password page.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    @Order(2)
    public SecurityFilterChain api(HttpSecurity http, JwtDecoder ownTokens, StaffAccounts accounts, PasswordEncoder passwordEncoder,
                                   ProblemSecurityHandlers problems) throws Exception {
        return PlatformHttpSecurity.apply(http, problems)
                .securityMatcher("/api/**", "/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(resource -> resource
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .jwt(jwt -> jwt.decoder(ownTokens)
                                .jwtAuthenticationConverter(token -> new JwtAuthenticationToken(token, StaffTokens.authorities(token),
                                        StaffTokens.username(token)))))
                .authenticationProvider(AuthorizationServerConfig.accountPasswords(accounts, passwordEncoder))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        .requestMatchers("/api/v1/me/**").authenticated()
                        .anyRequest().hasRole(StaffRole.COORDINATOR.name()))
                .build();
    }

    @Bean
    @Order(3)
    public SecurityFilterChain pages(HttpSecurity http, AuthenticationManager accountLogin, ProblemSecurityHandlers problems,
                                     IdentityServerProperties properties) throws Exception {
        // the sign-in form's redirects end at the clients' pages: the browser applies form-action to them
        return PlatformHttpSecurity.pages(http, problems, "/login", properties.clientOrigins())
                .authenticationManager(accountLogin)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/accounts/**", "/accounts").hasRole(StaffRole.COORDINATOR.name())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/me", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .build();
    }
}
