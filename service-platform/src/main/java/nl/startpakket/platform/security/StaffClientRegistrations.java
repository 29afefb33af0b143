package nl.startpakket.platform.security;

import java.util.Map;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;

/**
 * This service's one client registration at the identity provider, built from the provider's
 * metadata on first use (so the service starts while the provider is not yet up).
 */
public class StaffClientRegistrations implements ClientRegistrationRepository {

    /** The registration id in the pages' sign-in path {@code /oauth2/authorization/startpakket}. */
    public static final String REGISTRATION_ID = "startpakket";

    private final IdentityProvider provider;
    private final IdentityProperties properties;
    private volatile ClientRegistration registration;

    public StaffClientRegistrations(IdentityProvider provider, IdentityProperties properties) {
        this.provider = provider;
        this.properties = properties;
    }

    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        if (!REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known == null) {
            IdentityProvider.Metadata metadata = provider.metadata();
            known = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                    .clientId(properties.getClientId())
                    .clientSecret(properties.getClientSecret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope(OidcScopes.OPENID, OidcScopes.PROFILE)
                    .issuerUri(metadata.issuer())
                    .authorizationUri(metadata.authorizationEndpoint().toString())
                    .tokenUri(metadata.tokenEndpoint().toString())
                    .jwkSetUri(metadata.jwksUri().toString())
                    .userNameAttributeName(StaffClaims.USERNAME)
                    .providerConfigurationMetadata(metadata.endSessionEndpoint()
                            .<Map<String, Object>>map(uri -> Map.of("end_session_endpoint", uri.toString())).orElse(Map.of()))
                    .clientName("Startpakket")
                    .build();
            registration = known;
        }
        return known;
    }
}
