package nl.startpakket.platform.security;

import java.util.Collection;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * How a service's filter chains take staff: the API takes the identity provider's bearer tokens
 * (and, where enabled, HTTP Basic checked by the provider); the pages sign in at the provider
 * (OpenID Connect authorization code flow) and keep a session that follows the provider.
 */
public class StaffSecurity {

    /** Where a page goes to sign in: straight to the provider. */
    public static final String SIGN_IN = "/oauth2/authorization/" + StaffClientRegistrations.REGISTRATION_ID;

    private final StaffTokens tokens;
    private final AuthenticationProvider passwordExchange;
    private final ClientRegistrationRepository registrations;
    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final OAuth2AuthorizedClientManager clientManager;
    private final String providerOrigin;

    /** {@code providerOrigin}: the identity provider's origin, where the pages' sign-in and sign-out forms lead. */
    public StaffSecurity(StaffTokens tokens, AuthenticationProvider passwordExchange, ClientRegistrationRepository registrations,
                         OAuth2AuthorizedClientRepository authorizedClients, OAuth2AuthorizedClientManager clientManager,
                         String providerOrigin) {
        this.providerOrigin = providerOrigin;
        this.tokens = tokens;
        this.passwordExchange = passwordExchange;
        this.registrations = registrations;
        this.authorizedClients = authorizedClients;
        this.clientManager = clientManager;
    }

    /** Stateless API access with bearer tokens (and Basic where enabled); 401/403 as problem+json. */
    public HttpSecurity api(HttpSecurity http, ProblemSecurityHandlers problems) throws Exception {
        PlatformHttpSecurity.apply(http, problems)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(resource -> resource
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .jwt(jwt -> jwt.decoder(tokens.decoder()).jwtAuthenticationConverter(tokens)));
        if (passwordExchange != null) {
            http.authenticationProvider(passwordExchange).httpBasic(basic -> basic.authenticationEntryPoint(problems));
        }
        return http;
    }

    /**
     * Pages: sign-in at the provider, a session renewed with it, sign-out there too. Unauthenticated
     * pages go to {@code loginPage} ({@link #SIGN_IN} to go straight to the provider), and after
     * signing in to the page first asked for, or {@code home}; API paths on this chain answer
     * problem+json.
     */
    public HttpSecurity pages(HttpSecurity http, ProblemSecurityHandlers problems, String loginPage, String home) throws Exception {
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/login?logout");
        logout.setDefaultTargetUrl("/login?logout"); // a session not signed in at the provider (a partner's web-form user)
        PlatformHttpSecurity.pages(http, problems, loginPage, java.util.List.of(providerOrigin))
                .oauth2Login(login -> login
                        .loginPage(loginPage)
                        .clientRegistrationRepository(registrations)
                        .authorizedClientRepository(authorizedClients)
                        .defaultSuccessUrl(home, false)
                        .failureUrl("/login?error")
                        .userInfoEndpoint(user -> user.oidcUserService(accountFromAccessToken())))
                .logout(out -> out.logoutUrl("/logout").logoutSuccessHandler(logout).permitAll())
                .addFilterBefore(new StaffSessionRenewal(clientManager, tokens, "/login?expired"), AuthorizationFilter.class);
        return http;
    }

    /** The signed-in account's authorities from its access token (the ID token need not carry roles). */
    private OAuth2UserService<OidcUserRequest, OidcUser> accountFromAccessToken() {
        OidcUserService idToken = new OidcUserService();
        return request -> {
            OidcUser user = idToken.loadUser(request);
            Collection<GrantedAuthority> authorities =
                    StaffTokens.authorities(tokens.decoder().decode(request.getAccessToken().getTokenValue()));
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), StaffClaims.USERNAME);
        };
    }
}
