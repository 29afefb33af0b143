package nl.startpakket.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * An OpenID Connect provider for one service's integration and browser tests, in this JVM: the
 * protocol the services speak with the real provider (identity-service), over HTTP, with the
 * test accounts below (password = user name, except the {@code it-} accounts). Discovery, keys,
 * a sign-in page for the authorization code flow, the token endpoint (authorization code,
 * refresh, and the password grant the services use for HTTP Basic), sign-out. The real
 * provider's own rules are tested in identity-service and end to end.
 */
public final class TestIdentityProvider {

    public static final String CLIENT_ID = "test-client";
    public static final String CLIENT_SECRET = "test-client-secret";

    /** A test account: roles and, for an evaluator, the municipality. */
    public record Account(String username, String password, List<String> roles, String municipality) {
    }

    private static final Map<String, Account> ACCOUNTS = new ConcurrentHashMap<>();

    static {
        for (Account account : List.of(
                new Account("coordinator", "coordinator", List.of("COORDINATOR"), null),
                new Account("volunteer", "volunteer", List.of("VOLUNTEER"), null),
                new Account("volunteer2", "volunteer2", List.of("VOLUNTEER"), null),
                new Account("finance", "finance", List.of("FINANCE"), null),
                new Account("evaluator-huizen", "evaluator-huizen", List.of("EVALUATOR"), "GM0406"),
                new Account("evaluator-heerlen", "evaluator-heerlen", List.of("EVALUATOR"), "GM0917"),
                new Account("sociaal-team-huizen", "sociaal-team-huizen", List.of("SOCIAL_TEAM"), "GM0406"),
                new Account("it-coordinator", "it-coordinator-password", List.of("COORDINATOR"), null),
                new Account("it-volunteer", "it-volunteer-password", List.of("VOLUNTEER"), null))) {
            ACCOUNTS.put(account.username(), account);
        }
    }

    private static TestIdentityProvider running;

    private final HttpServer server;
    private final String issuer;
    private final RSAKey key;
    private final Duration tokenLifetime = Duration.ofSeconds(50);
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final Set<String> disabled = ConcurrentHashMap.newKeySet();
    private final Map<String, Duration> lifetimes = new ConcurrentHashMap<>();

    private record Grant(String username, String nonce, String redirectUri) {
    }

    private TestIdentityProvider() throws IOException, JOSEException {
        key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://localhost:" + server.getAddress().getPort();
        server.createContext("/.well-known/openid-configuration", this::metadata);
        server.createContext("/oauth2/jwks", exchange -> send(exchange, 200, "application/json",
                new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/oauth2/authorize", this::authorize);
        server.createContext("/oauth2/token", this::token);
        server.createContext("/connect/logout", this::logout);
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "test-identity-provider");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** The provider of this JVM, started on first use. */
    public static synchronized TestIdentityProvider get() {
        if (running == null) {
            try {
                running = new TestIdentityProvider();
            } catch (IOException | JOSEException e) {
                throw new IllegalStateException("The test identity provider did not start", e);
            }
        }
        return running;
    }

    public String issuer() {
        return issuer;
    }

    /** A valid access token of the account, as the provider would issue it. */
    public String accessToken(String username) {
        return sign(accessClaims(account(username)).build());
    }

    /** An access token of the account that expired a minute ago. */
    public String expiredAccessToken(String username) {
        Instant past = Instant.now().minus(Duration.ofMinutes(2));
        return sign(accessClaims(account(username)).issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(50))).build());
    }

    /** From now on the account gets no token (as a disabled account at the real provider). */
    public void disable(String username) {
        disabled.add(username);
    }

    public void enable(String username) {
        disabled.remove(username);
    }

    /** Adds or replaces a test account. */
    public void register(Account account) {
        ACCOUNTS.put(account.username(), account);
    }

    /** Adds an account whose tokens live only {@code lifetime}: every page request of it renews its session. */
    public void register(Account account, Duration lifetime) {
        register(account);
        lifetimes.put(account.username(), lifetime);
    }

    // --- endpoints

    private void metadata(HttpExchange exchange) throws IOException {
        send(exchange, 200, "application/json", "{\"issuer\":\"" + issuer + "\",\"authorization_endpoint\":\"" + issuer
                + "/oauth2/authorize\",\"token_endpoint\":\"" + issuer + "/oauth2/token\",\"jwks_uri\":\"" + issuer
                + "/oauth2/jwks\",\"end_session_endpoint\":\"" + issuer + "/connect/logout\",\"response_types_supported\":[\"code\"],"
                + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> params = "POST".equals(exchange.getRequestMethod()) ? form(exchange) : query(exchange);
        String redirectUri = params.getOrDefault("redirect_uri", "");
        if (!CLIENT_ID.equals(params.get("client_id")) || !redirectUri.contains("/login/oauth2/code/")) {
            send(exchange, 400, "text/plain", "unknown client or redirect");
            return;
        }
        if ("POST".equals(exchange.getRequestMethod())) {
            Account account = ACCOUNTS.get(params.getOrDefault("username", ""));
            if (account != null && account.password().equals(params.get("password")) && !disabled.contains(account.username())) {
                String code = UUID.randomUUID().toString();
                codes.put(code, new Grant(account.username(), params.get("nonce"), redirectUri));
                String location = redirectUri + "?code=" + code + "&state=" + URLEncoder.encode(params.getOrDefault("state", ""),
                        StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Location", location);
                send(exchange, 302, "text/plain", "");
                return;
            }
        }
        StringBuilder hidden = new StringBuilder();
        params.forEach((name, value) -> {
            if (!name.equals("username") && !name.equals("password")) {
                hidden.append("<input type=\"hidden\" name=\"").append(html(name)).append("\" value=\"").append(html(value)).append("\">");
            }
        });
        send(exchange, 200, "text/html; charset=utf-8", "<!DOCTYPE html><html><head><title>Test sign-in</title></head><body>"
                + "<form method=\"post\" action=\"/oauth2/authorize\">" + hidden
                + (params.containsKey("username") ? "<p class=\"error\">Wrong user name or password</p>" : "")
                + "<label for=\"username\">User</label><input id=\"username\" name=\"username\">"
                + "<label for=\"password\">Password</label><input id=\"password\" name=\"password\" type=\"password\">"
                + "<button id=\"login\" type=\"submit\">Sign in</button></form></body></html>");
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> params = form(exchange);
        if (!clientAuthenticated(exchange, params)) {
            send(exchange, 401, "application/json", "{\"error\":\"invalid_client\"}");
            return;
        }
        Grant grant;
        switch (params.getOrDefault("grant_type", "")) {
            case "password" -> {
                Account account = ACCOUNTS.get(params.getOrDefault("username", ""));
                grant = account != null && account.password().equals(params.get("password"))
                        ? new Grant(account.username(), null, null) : null;
            }
            case "authorization_code" -> {
                Grant issued = codes.remove(params.getOrDefault("code", ""));
                grant = issued != null && issued.redirectUri().equals(params.get("redirect_uri")) ? issued : null;
            }
            case "refresh_token" -> grant = refreshTokens.remove(params.getOrDefault("refresh_token", ""));
            default -> {
                send(exchange, 400, "application/json", "{\"error\":\"unsupported_grant_type\"}");
                return;
            }
        }
        if (grant == null || disabled.contains(grant.username()) || !ACCOUNTS.containsKey(grant.username())) {
            send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        Account account = ACCOUNTS.get(grant.username());
        StringBuilder body = new StringBuilder("{\"token_type\":\"Bearer\",\"expires_in\":" + lifetimeOf(account).toSeconds()
                + ",\"access_token\":\"" + sign(accessClaims(account).build()) + "\"");
        if (!"password".equals(params.get("grant_type"))) {
            String refresh = UUID.randomUUID().toString();
            refreshTokens.put(refresh, new Grant(account.username(), grant.nonce(), grant.redirectUri()));
            body.append(",\"refresh_token\":\"").append(refresh).append("\",\"scope\":\"openid profile\"");
            JWTClaimsSet.Builder id = claims(account).audience(CLIENT_ID).claim("azp", CLIENT_ID);
            if (grant.nonce() != null) {
                id.claim("nonce", grant.nonce());
            }
            body.append(",\"id_token\":\"").append(sign(id.build())).append("\"");
        }
        send(exchange, 200, "application/json", body.append("}").toString());
    }

    private void logout(HttpExchange exchange) throws IOException {
        String back = query(exchange).get("post_logout_redirect_uri");
        if (back != null) {
            exchange.getResponseHeaders().add("Location", back);
            send(exchange, 302, "text/plain", "");
        } else {
            send(exchange, 200, "text/plain", "signed out");
        }
    }

    // --- tokens

    private JWTClaimsSet.Builder accessClaims(Account account) {
        return claims(account).audience(CLIENT_ID).claim("scope", "openid profile");
    }

    private JWTClaimsSet.Builder claims(Account account) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(account.username())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetimeOf(account))))
                .jwtID(UUID.randomUUID().toString())
                .claim("preferred_username", account.username())
                .claim("name", account.username())
                .claim("roles", account.roles());
        if (account.municipality() != null) {
            claims.claim("municipality", account.municipality());
        }
        return claims;
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private Duration lifetimeOf(Account account) {
        return lifetimes.getOrDefault(account.username(), tokenLifetime);
    }

    private static Account account(String username) {
        Account account = ACCOUNTS.get(username);
        if (account == null) {
            throw new IllegalArgumentException("No test account " + username);
        }
        return account;
    }

    // --- HTTP

    private static boolean clientAuthenticated(HttpExchange exchange, Map<String, String> params) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
            return decoded.equals(CLIENT_ID + ":" + CLIENT_SECRET);
        }
        return CLIENT_ID.equals(params.get("client_id")) && CLIENT_SECRET.equals(params.get("client_secret"));
    }

    private static Map<String, String> query(HttpExchange exchange) {
        return decode(exchange.getRequestURI().getRawQuery());
    }

    private static Map<String, String> form(HttpExchange exchange) throws IOException {
        return decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Map<String, String> decode(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String html(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, status == 302 || bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0 && status != 302) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}
