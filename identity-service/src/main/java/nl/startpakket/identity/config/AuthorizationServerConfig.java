package nl.startpakket.identity.config;

import com.mongodb.client.MongoClient;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import nl.startpakket.identity.query.StaffAccounts;
import nl.startpakket.identity.token.PasswordGrantAuthenticationConverter;
import nl.startpakket.identity.token.PasswordGrantAuthenticationProvider;
import nl.startpakket.identity.token.PasswordGrantAuthenticationToken;
import nl.startpakket.identity.token.RegisteredRedirects;
import nl.startpakket.identity.token.SigningKeys;
import nl.startpakket.identity.token.StaffTokenClaims;
import nl.startpakket.platform.security.PlatformHttpSecurity;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * The OpenID Connect provider (Spring Authorization Server): discovery, keys, authorization
 * with the sign-in page, tokens, user info and sign-out. The services are its clients; the
 * accounts come from the event-sourced account store.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorizationServerConfig {

    @Bean
    @Order(1)
    public SecurityFilterChain authorizationServer(HttpSecurity http, OAuth2TokenGenerator<?> tokenGenerator,
                                                   AuthenticationManager accountLogin, IdentityServerProperties properties)
            throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        PlatformHttpSecurity.headers(http, properties.clientOrigins())
                .securityMatcher(server.getEndpointsMatcher())
                .with(server, as -> as
                        .oidc(oidc -> { })
                        .authorizationEndpoint(authorize -> authorize.authenticationProviders(providers -> providers.forEach(p -> {
                            if (p instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codeRequests) {
                                codeRequests.setAuthenticationValidator(new RegisteredRedirects());
                            }
                        })))
                        .tokenEndpoint(token -> token
                                .accessTokenRequestConverter(new PasswordGrantAuthenticationConverter())
                                .authenticationProvider(new PasswordGrantAuthenticationProvider(accountLogin, tokenGenerator))))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
                // the authorization endpoint in a browser without a session: the sign-in page
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /**
     * Accounts' user name and password, checked against the account store (a disabled account is
     * refused): for the sign-in page, the password grant and the API's HTTP Basic. Not a bean of
     * its own, so Spring Security's global authentication stays as configured here.
     */
    public static DaoAuthenticationProvider accountPasswords(StaffAccounts accounts, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(passwordEncoder);
        return provider;
    }

    @Bean
    public AuthenticationManager accountLogin(StaffAccounts accounts, PasswordEncoder passwordEncoder) {
        return new ProviderManager(accountPasswords(accounts, passwordEncoder));
    }

    @Bean
    public RegisteredClientRepository registeredClients(IdentityServerProperties properties) {
        List<RegisteredClient> clients = new ArrayList<>();
        for (IdentityServerProperties.Client client : properties.getClients()) {
            if (client.getId() == null || client.getSecret() == null || client.getSecret().isBlank()) {
                throw new IllegalStateException("Each client of startpakket.identity-server.clients needs an id and a secret");
            }
            RegisteredClient.Builder registered = RegisteredClient.withId(client.getId())
                    .clientId(client.getId())
                    .clientSecret(client.getSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .scope(OidcScopes.OPENID)
                    .scope(OidcScopes.PROFILE)
                    .redirectUris(uris -> uris.addAll(client.getRedirectUris()))
                    .postLogoutRedirectUris(uris -> uris.addAll(client.getPostLogoutRedirectUris()))
                    // the foundation's own services: no consent screen
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .tokenSettings(TokenSettings.builder()
                            .accessTokenTimeToLive(properties.getAccessTokenLifetime())
                            .refreshTokenTimeToLive(properties.getRefreshTokenLifetime())
                            .reuseRefreshTokens(false)
                            .build());
            if (client.isPasswordGrant()) {
                registered.authorizationGrantType(PasswordGrantAuthenticationToken.PASSWORD);
            }
            clients.add(registered.build());
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    /**
     * Sign-ins in progress and page sessions' refresh tokens, in memory: after a restart of this
     * service the pages ask to sign in again (accounts and keys are kept).
     */
    @Bean
    public OAuth2AuthorizationService authorizations() {
        return new InMemoryOAuth2AuthorizationService();
    }

    @Bean
    public JWKSource<SecurityContext> jwkSource(MongoClient client, MongoProperties mongo, Clock clock) {
        JWKSet keys = SigningKeys.load(client.getDatabase(mongo.getMongoClientDatabase()), clock);
        return new ImmutableJWKSet<>(keys);
    }

    /** Decodes this provider's own tokens, for its API. */
    @Bean
    public JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(jwkSource);
    }

    @Bean
    public OAuth2TokenGenerator<?> tokenGenerator(JWKSource<SecurityContext> jwkSource, StaffAccounts accounts) {
        JwtGenerator jwt = new JwtGenerator(new NimbusJwtEncoder(jwkSource));
        jwt.setJwtCustomizer(new StaffTokenClaims(accounts));
        return new DelegatingOAuth2TokenGenerator(jwt, new OAuth2RefreshTokenGenerator());
    }

    @Bean
    public AuthorizationServerSettings authorizationServerSettings(IdentityServerProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.getIssuer().toString()).build();
    }
}
