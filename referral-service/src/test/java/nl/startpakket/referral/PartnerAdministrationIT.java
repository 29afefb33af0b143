package nl.startpakket.referral;

import static nl.startpakket.referral.ReferralServiceIT.babyReferral;
import static nl.startpakket.referral.ReferralServiceIT.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.referral.ReferralServiceIT.Household;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A coordinator registers partners, issues keys (shown once) and revokes them (refused at once). */
@ServiceIntegrationTest
class PartnerAdministrationIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;

    @Test
    void aCoordinatorRegistersAPartnerWhoseNewKeyWorksUntilItIsRevoked() throws Exception {
        String partnerId = "it-admin-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> terms = Map.of("name", "Schuldhulp Huizen", "intermediaryType", "SOCIAL_CARE",
                "municipalities", List.of("GM0406"), "active", true);

        ResponseEntity<String> created = coordinator(HttpMethod.PUT, "/api/v1/partners/" + partnerId, terms);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(coordinator(HttpMethod.PUT, "/api/v1/partners/" + partnerId, terms).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> issued = coordinator(HttpMethod.POST, "/api/v1/partners/" + partnerId + "/keys", null);
        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String apiKey = JSON.readTree(issued.getBody()).get("apiKey").asText();
        String keyId = JSON.readTree(issued.getBody()).get("keyId").asText();

        JsonNode partner = JSON.readTree(coordinator(HttpMethod.GET, "/api/v1/partners/" + partnerId, null).getBody());
        assertThat(partner.get("keys").get(0).get("keyId").asText()).isEqualTo(keyId);
        assertThat(partner.toString()).doesNotContain(apiKey);

        assertThat(submit(apiKey).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(coordinator(HttpMethod.DELETE, "/api/v1/partners/" + partnerId + "/keys/" + keyId, null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(submit(apiKey).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        JsonNode trail = JSON.readTree(coordinator(HttpMethod.GET, "/api/v1/audit?subject=" + partnerId, null).getBody());
        assertThat(trail.findValuesAsText("action")).contains("issue-api-key", "revoke-api-key");
        assertThat(trail.findValuesAsText("actor")).containsOnly("it-coordinator");
        assertThat(trail.toString()).contains(keyId).doesNotContain(apiKey);
    }

    @Test
    void showsWhenAPartnerAndEachOfItsKeysWereLastUsed() throws Exception {
        String partnerId = "it-admin-" + UUID.randomUUID().toString().substring(0, 8);
        coordinator(HttpMethod.PUT, "/api/v1/partners/" + partnerId, Map.of("name", "Gebruikt", "intermediaryType", "OTHER",
                "municipalities", List.of("GM0406"), "active", true));
        String apiKey = JSON.readTree(coordinator(HttpMethod.POST, "/api/v1/partners/" + partnerId + "/keys", null).getBody())
                .get("apiKey").asText();
        coordinator(HttpMethod.POST, "/api/v1/partners/" + partnerId + "/keys", null);
        JsonNode unused = JSON.readTree(coordinator(HttpMethod.GET, "/api/v1/partners/" + partnerId, null).getBody());
        assertThat(unused.get("lastUsedAt").isNull()).isTrue();

        assertThat(submit(apiKey).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode used = JSON.readTree(coordinator(HttpMethod.GET, "/api/v1/partners/" + partnerId, null).getBody());
        assertThat(used.get("lastUsedAt").asText()).isNotBlank();
        assertThat(used.get("keys").get(0).get("lastUsedAt").asText()).isEqualTo(used.get("lastUsedAt").asText());
        assertThat(used.get("keys").get(1).get("lastUsedAt").isNull()).as("the other key").isTrue();
    }

    @Test
    void aUserNameBelongsToOnePartner() {
        String first = "it-admin-" + UUID.randomUUID().toString().substring(0, 8);
        String second = "it-admin-" + UUID.randomUUID().toString().substring(0, 8);
        for (String partnerId : List.of(first, second)) {
            coordinator(HttpMethod.PUT, "/api/v1/partners/" + partnerId, Map.of("name", "Formulier", "intermediaryType", "OTHER",
                    "municipalities", List.of("GM0406"), "active", true));
        }
        String username = first + "-user";
        Map<String, String> password = Map.of("password", "a long enough password");
        assertThat(coordinator(HttpMethod.PUT, "/api/v1/partners/" + first + "/users/" + username, password).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(coordinator(HttpMethod.PUT, "/api/v1/partners/" + first + "/users/" + username, password).getStatusCode())
                .as("a reset").isEqualTo(HttpStatus.OK);
        assertThat(coordinator(HttpMethod.PUT, "/api/v1/partners/" + second + "/users/" + username, password).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(coordinator(HttpMethod.DELETE, "/api/v1/partners/" + second + "/users/" + username, null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(coordinator(HttpMethod.DELETE, "/api/v1/partners/" + first + "/users/" + username, null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(coordinator(HttpMethod.PUT, "/api/v1/partners/" + second + "/users/" + username, password).getStatusCode())
                .as("free again once removed").isEqualTo(HttpStatus.OK);
    }

    @Test
    void anInactivePartnersKeysAreRefused() throws Exception {
        String partnerId = "it-admin-" + UUID.randomUUID().toString().substring(0, 8);
        coordinator(HttpMethod.PUT, "/api/v1/partners/" + partnerId, Map.of("name", "Tijdelijk", "intermediaryType", "OTHER",
                "municipalities", List.of("GM0406"), "active", true));
        String apiKey = JSON.readTree(coordinator(HttpMethod.POST, "/api/v1/partners/" + partnerId + "/keys", null).getBody())
                .get("apiKey").asText();
        coordinator(HttpMethod.PUT, "/api/v1/partners/" + partnerId, Map.of("name", "Tijdelijk", "intermediaryType", "OTHER",
                "municipalities", List.of("GM0406"), "active", false));
        assertThat(submit(apiKey).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void refusesInvalidPartnerTerms() throws Exception {
        ResponseEntity<String> response = coordinator(HttpMethod.PUT, "/api/v1/partners/Not_Valid",
                Map.of("name", "", "municipalities", List.of("GM9999")));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(response.getBody()).get("errors").findValuesAsText("field"))
                .contains("partnerId", "name", "intermediaryType", "municipalities[0]", "active");
    }

    @Test
    void shouldRegisterAPartnerForAnyMunicipalityOfTheCbsListAndRefuseAMergedOne() throws Exception {
        String partnerId = "it-admin-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<String> utrecht = coordinator(HttpMethod.PUT, "/api/v1/partners/" + partnerId, Map.of("name", "Buurtteam Utrecht",
                "intermediaryType", "SOCIAL_CARE", "municipalities", List.of("GM0344"), "active", true));
        assertThat(utrecht.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<String> merged = coordinator(HttpMethod.PUT, "/api/v1/partners/" + partnerId, Map.of("name", "Buurtteam",
                "intermediaryType", "SOCIAL_CARE", "municipalities", List.of("GM0344", "GM0398"), "active", true));
        assertThat(merged.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(JSON.readTree(merged.getBody()).get("errors").findValuesAsText("field")).containsExactly("municipalities[1]");
    }

    @Test
    void onlyACoordinatorManagesPartners() {
        HttpHeaders volunteer = new HttpHeaders();
        volunteer.setBasicAuth("it-volunteer", "it-volunteer-password");
        ResponseEntity<String> forbidden = http.exchange("/api/v1/partners", HttpMethod.GET, new HttpEntity<>(volunteer), String.class);
        assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forbidden.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(http.getForEntity("/api/v1/partners", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.exchange("/api/v1/partners/x/keys", HttpMethod.POST, new HttpEntity<>(bearer("demo-gemeente-heerlen")),
                String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(coordinator(HttpMethod.POST, "/api/v1/partners/no-such-partner/keys", null).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    ResponseEntity<String> coordinator(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("it-coordinator", "it-coordinator-password");
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    ResponseEntity<String> submit(String apiKey) {
        return http.exchange("/api/v1/referrals", HttpMethod.POST, new HttpEntity<>(babyReferral(Household.random()), bearer(apiKey)),
                String.class);
    }
}
