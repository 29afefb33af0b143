package nl.startpakket.platform.security;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

/**
 * Staff identity of a service: the identity provider's tokens, validated here as an OAuth2
 * resource server, and the pages' sign-in at the provider. No account, password or list of
 * people is configured in any service; {@code startpakket.identity.*} only says which provider.
 * The identity service itself, being that provider, does not import this.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
public class StaffSecurityConfiguration {

    @Bean
    public IdentityProvider identityProvider(IdentityProperties properties) {
        return new IdentityProvider(properties, identityHttpClient());
    }

    @Bean
    public StaffTokens staffTokens(IdentityProvider provider, IdentityProperties properties) {
        return new StaffTokens(provider, properties.getClientId());
    }

    @Bean
    public ClientRegistrationRepository staffClientRegistrations(IdentityProvider provider, IdentityProperties properties) {
        return new StaffClientRegistrations(provider, properties);
    }

    /** Signed-in page sessions keep their tokens in the session, so they end with it. */
    @Bean
    public OAuth2AuthorizedClientRepository staffAuthorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    public OAuth2AuthorizedClientManager staffAuthorizedClientManager(ClientRegistrationRepository registrations,
                                                                      OAuth2AuthorizedClientRepository authorizedClients,
                                                                      Clock clock) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                // renewed when it runs out, not a minute early (Spring's default skew): tokens live under a minute
                .refreshToken(refresh -> refresh.clockSkew(StaffTokens.CLOCK_SKEW).clock(clock))
                .build());
        return manager;
    }

    @Bean
    public StaffSecurity staffSecurity(StaffTokens tokens, IdentityProvider provider, IdentityProperties properties,
                                       ClientRegistrationRepository registrations,
                                       OAuth2AuthorizedClientRepository authorizedClients,
                                       OAuth2AuthorizedClientManager clientManager, ObjectProvider<Clock> clock) {
        StaffPasswordExchange exchange = properties.isBasicCredentials()
                ? new StaffPasswordExchange(provider, properties, tokens, identityHttpClient(), clock.getIfAvailable(Clock::systemUTC))
                : null;
        return new StaffSecurity(tokens, exchange, registrations, authorizedClients, clientManager,
                PlatformHttpSecurity.origin(properties.getIssuer().toString()));
    }

    private static HttpClient identityHttpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).followRedirects(HttpClient.Redirect.NEVER).build();
    }
}
