package nl.startpakket.referral;

import static nl.startpakket.referral.ReferralServiceIT.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.platform.security.PlatformHttpSecurity;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.referral.api.partner.PartnerTerms;
import nl.startpakket.referral.partner.PartnerAdministration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** The platform's security headers everywhere; problem+json only on the API; pages redirect to login and keep CSRF. */
@ServiceIntegrationTest
class WebSecurityIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    PartnerAdministration partners;

    static void assertSecurityHeaders(ResponseEntity<?> response) {
        HttpHeaders headers = response.getHeaders();
        assertThat(headers.getFirst("Content-Security-Policy")).startsWith(PlatformHttpSecurity.CONTENT_SECURITY_POLICY);
        assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void everyChainSendsThePlatformSecurityHeaders() {
        String partner = "it-headers-" + UUID.randomUUID();
        partners.put("it-coordinator", partner, new PartnerTerms("IT headers", IntermediaryType.OTHER, List.of("GM0406"), true));
        String key = partners.issueKey("it-coordinator", partner).apiKey();

        assertSecurityHeaders(http.exchange("/api/v1/referrals", HttpMethod.GET, new HttpEntity<>(bearer(key)), String.class));
        assertSecurityHeaders(http.getForEntity("/api/v1/partners", String.class));
        assertSecurityHeaders(http.getForEntity("/actuator/health", String.class));
        assertSecurityHeaders(http.getForEntity("/login", String.class));
        // a sign-in or sign-out form on the pages goes on to the identity provider: the browser must let it
        assertThat(http.getForEntity("/login", String.class).getHeaders().getFirst("Content-Security-Policy"))
                .endsWith("form-action 'self' " + nl.startpakket.platform.testing.TestIdentityProvider.get().issuer());
    }

    @Test
    void theApiAnswersProblemJsonWhilePagesRedirectToTheLoginPage() {
        ResponseEntity<String> api = http.getForEntity("/api/v1/partners", String.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();

        for (MediaType accept : List.of(MediaType.TEXT_HTML, MediaType.ALL, MediaType.APPLICATION_JSON)) {
            HttpHeaders headers = new HttpHeaders();
            headers.setAccept(List.of(accept));
            ResponseEntity<String> page = http.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
                    .exchange("/referrals", HttpMethod.GET, new HttpEntity<>(headers), String.class);
            assertThat(page.getStatusCode()).as("GET /referrals accepting " + accept).isEqualTo(HttpStatus.FOUND);
            assertThat(page.getHeaders().getLocation().getPath()).isEqualTo("/login");
        }
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefusedAsAPageNotAsJson() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", "verloskundige-huizen");
        form.add("password", "verloskundige-huizen");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> login = http.exchange("/login", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(login.getHeaders().getContentType()).satisfiesAnyOf(
                type -> assertThat(type).isNull(),
                type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isFalse());
        ResponseEntity<String> cancel = http.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW).exchange("/referrals/R-x/cancel", HttpMethod.POST, new HttpEntity<>(form, headers),
                String.class);
        assertThat(cancel.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.FOUND);
    }
}
