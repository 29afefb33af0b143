package nl.startpakket.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.List;
import nl.startpakket.platform.testing.TestIdentityProvider;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class StaffTokensTest {

    @Test
    void shouldReadAKeycloakTokenIgnoringItsOwnRolesAndTakingTheUserNameOverTheSubject() {
        // the claims of an access token of docker/keycloak/startpakket-realm.json, as Keycloak 26 issued it
        Jwt keycloak = Jwt.withTokenValue("t").header("alg", "RS256")
                .issuer("http://localhost:8180/realms/startpakket").audience(List.of("startpakket"))
                .subject("9135140d-a5d1-4a7f-b5c2-0f2ce2721519")
                .claim("roles", List.of("offline_access", "EVALUATOR", "default-roles-startpakket", "uma_authorization"))
                .claim("municipality", "GM0406").claim("preferred_username", "evaluator-huizen")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(50)).build();

        assertThat(StaffTokens.username(keycloak)).isEqualTo("evaluator-huizen");
        assertThat(StaffTokens.authorities(keycloak)).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_EVALUATOR", "MUNICIPALITY_GM0406");
    }

    @Test
    void shouldGrantNothingForATokenWithoutRoles() {
        Jwt bare = Jwt.withTokenValue("t").header("alg", "RS256").subject("someone").build();
        assertThat(StaffTokens.username(bare)).isEqualTo("someone");
        assertThat(StaffTokens.authorities(bare)).isEmpty();
    }

    @Test
    void shouldAcceptTheProvidersTokenAndRefuseAnExpiredOneBeyondFiveSecondsOfSkew() {
        TestIdentityProvider provider = TestIdentityProvider.get();
        StaffTokens tokens = tokensOf(provider, TestIdentityProvider.CLIENT_ID);

        Jwt jwt = tokens.decoder().decode(provider.accessToken("volunteer"));
        assertThat(tokens.convert(jwt).getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_VOLUNTEER");
        assertThatThrownBy(() -> tokens.decoder().decode(provider.expiredAccessToken("volunteer")))
                .isInstanceOf(JwtValidationException.class);
    }

    @Test
    void shouldRefuseATokenMeantForAnotherAudience() {
        TestIdentityProvider provider = TestIdentityProvider.get();
        StaffTokens tokens = tokensOf(provider, "another-client");
        assertThatThrownBy(() -> tokens.decoder().decode(provider.accessToken("volunteer")))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("not meant for another-client");
    }

    private static StaffTokens tokensOf(TestIdentityProvider provider, String audience) {
        IdentityProperties properties = new IdentityProperties();
        properties.setIssuer(URI.create(provider.issuer()));
        return new StaffTokens(new IdentityProvider(properties, HttpClient.newHttpClient()), audience);
    }
}
