package nl.startpakket.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The provider as the services and a browser use it: accounts made through the API sign in,
 * tokens carry roles and municipality, a disabled account gets no token and its page session is
 * not renewed, and the coordinators cannot lock themselves out.
 */
@ServiceIntegrationTest
class IdentityServiceIT {

    private static final String COORDINATOR = "it-coordinator";
    private static final String COORDINATOR_PASSWORD = "it-coordinator-password";
    private static final String REDIRECT = "http://localhost:9999/login/oauth2/code/startpakket";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldPublishItsMetadataUnderTheConfiguredIssuer() throws Exception {
        JsonNode metadata = getJson("/.well-known/openid-configuration", null);
        assertThat(metadata.path("issuer").asText()).isEqualTo("http://localhost:8085");
        assertThat(metadata.path("token_endpoint").asText()).isEqualTo("http://localhost:8085/oauth2/token");
        assertThat(metadata.path("jwks_uri").asText()).endsWith("/oauth2/jwks");
        assertThat(getJson("/oauth2/jwks", null).path("keys")).hasSize(1);
    }

    @Test
    void shouldGiveANewEvaluatorATokenWithRolesAndMunicipality() throws Exception {
        String username = "eva-" + shortId();
        JsonNode created = createAccount(username, "EVALUATOR", "GM0344");
        assertThat(created.path("initialPassword").asText()).hasSize(16);
        assertThat(created.has("passwordHash")).isFalse();

        JsonNode claims = claims(passwordGrant(username, created.path("initialPassword").asText()).body());
        assertThat(claims.path("preferred_username").asText()).isEqualTo(username);
        assertThat(claims.path("roles")).extracting(JsonNode::asText).containsExactly("EVALUATOR");
        assertThat(claims.path("municipality").asText()).isEqualTo("GM0344");
        assertThat(claims.path("aud").toString()).contains("it-client");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isLessThanOrEqualTo(55);
    }

    @Test
    void shouldRefuseTokensToADisabledAccountAndToAWrongPassword() throws Exception {
        String username = "vol-" + shortId();
        String password = createAccount(username, "VOLUNTEER", null).path("initialPassword").asText();
        assertThat(passwordGrant(username, password).statusCode()).isEqualTo(200);
        assertThat(passwordGrant(username, "wrong-password").statusCode()).isEqualTo(400);

        assertThat(post("/api/v1/staff-accounts/" + username + "/disable", "").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = passwordGrant(username, password);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("error").asText()).isEqualTo("invalid_grant");

        assertThat(post("/api/v1/staff-accounts/" + username + "/enable", "").statusCode()).isEqualTo(200);
        assertThat(passwordGrant(username, password).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldSignInAPageAndStopRenewingItsSessionOnceTheAccountIsDisabled() throws Exception {
        String username = "fin-" + shortId();
        String password = createAccount(username, "FINANCE", null).path("initialPassword").asText();
        Browser browser = new Browser();
        String code = browser.signInForCode(username, password);
        JsonNode tokens = JSON.readTree(tokenRequest(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT)).body());
        assertThat(claims(tokens.path("id_token").asText()).path("preferred_username").asText()).isEqualTo(username);
        assertThat(claims(tokens.path("access_token").asText()).path("roles")).extracting(JsonNode::asText).containsExactly("FINANCE");

        HttpResponse<String> renewed = tokenRequest(Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.path("refresh_token").asText()));
        assertThat(renewed.statusCode()).isEqualTo(200);

        post("/api/v1/staff-accounts/" + username + "/disable", "");
        HttpResponse<String> refused = tokenRequest(Map.of("grant_type", "refresh_token",
                "refresh_token", JSON.readTree(renewed.body()).path("refresh_token").asText()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void shouldRefuseARedirectThatIsNotRegistered() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/oauth2/authorize?response_type=code&client_id=it-client"
                + "&scope=openid&state=s&redirect_uri=" + URLEncoder.encode("http://localhost:6666/steal", StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void shouldKeepTheLastCoordinatorAndRefuseDisablingOneself() throws Exception {
        HttpResponse<String> self = post("/api/v1/staff-accounts/" + COORDINATOR + "/disable", "");
        assertThat(self.statusCode()).isEqualTo(409);
        assertThat(self.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
    }

    @Test
    void shouldAnswerBadInputWithProblemsNamingTheFields() throws Exception {
        HttpResponse<String> response = put("/api/v1/staff-accounts/Bad%20Name",
                "{\"displayName\":\"\",\"roles\":[\"EVALUATOR\",\"KING\"],\"municipality\":\"0344\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("errors").findValuesAsText("field"))
                .contains("username", "displayName", "roles[1]", "municipality");
        assertThat(put("/api/v1/staff-accounts/someone", "{not json").statusCode()).isEqualTo(400);
        HttpResponse<String> merged = put("/api/v1/staff-accounts/evaluator-heerhugowaard",
                "{\"displayName\":\"Evaluator\",\"roles\":[\"EVALUATOR\"],\"municipality\":\"GM0398\"}");
        assertThat(merged.statusCode()).isEqualTo(400);
        assertThat(merged.body()).as("a merged municipality is refused naming its successor").contains("GM1980");
    }

    @Test
    void shouldRefuseTheAccountsApiToANonCoordinator() throws Exception {
        String username = "vol-" + shortId();
        String password = createAccount(username, "VOLUNTEER", null).path("initialPassword").asText();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/staff-accounts"))
                .header("Authorization", basic(username, password)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        String token = JSON.readTree(passwordGrant(username, password).body()).path("access_token").asText();
        HttpResponse<String> me = http.send(HttpRequest.newBuilder(uri("/api/v1/me"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(me.body()).path("username").asText()).isEqualTo(username);
    }

    // ---

    private JsonNode createAccount(String username, String role, String municipality) throws Exception {
        HttpResponse<String> response = put("/api/v1/staff-accounts/" + username, "{\"displayName\":\"Test " + username
                + "\",\"roles\":[\"" + role + "\"]" + (municipality == null ? "" : ",\"municipality\":\"" + municipality + "\"") + "}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> passwordGrant(String username, String password) throws Exception {
        return tokenRequest(Map.of("grant_type", "password", "username", username, "password", password));
    }

    private HttpResponse<String> tokenRequest(Map<String, String> form) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Authorization", basic("it-client", "it-client-secret"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(String tokenOrResponse) throws Exception {
        String token = tokenOrResponse.startsWith("{") ? JSON.readTree(tokenOrResponse).path("access_token").asText() : tokenOrResponse;
        return JSON.readTree(SignedJWT.parse(token).getPayload().toString());
    }

    private HttpResponse<String> put(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(COORDINATOR, COORDINATOR_PASSWORD))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", basic(COORDINATOR, COORDINATOR_PASSWORD))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A browser's part of the authorization code flow: the sign-in page with its CSRF token, cookies, redirects. */
    private final class Browser {
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        String signInForCode(String username, String password) throws Exception {
            String authorize = "/oauth2/authorize?response_type=code&client_id=it-client&scope=openid%20profile&state=st"
                    + "&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8);
            HttpResponse<String> first = client.send(HttpRequest.newBuilder(uri(authorize)).header("Accept", "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(first.statusCode()).isEqualTo(302);
            assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith("/login");
            HttpResponse<String> loginPage = client.send(HttpRequest.newBuilder(uri("/login")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.body());
            assertThat(csrf.find()).as("the sign-in page has a CSRF token").isTrue();
            HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password,
                            "_csrf", csrf.group(1))))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(302);
            String back = signedIn.headers().firstValue("Location").orElseThrow();
            assertThat(back).contains("/oauth2/authorize");
            HttpResponse<String> redirected = client.send(HttpRequest.newBuilder(URI.create(back.startsWith("http") ? back
                    : "http://localhost:" + port + back)).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(redirected.statusCode()).isEqualTo(302);
            String location = redirected.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith(REDIRECT + "?code=");
            Matcher code = Pattern.compile("code=([^&]+)").matcher(location);
            assertThat(code.find()).isTrue();
            return java.net.URLDecoder.decode(code.group(1), StandardCharsets.UTF_8);
        }
    }
}
