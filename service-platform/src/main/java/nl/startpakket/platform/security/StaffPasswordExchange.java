package nl.startpakket.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * HTTP Basic staff credentials, checked by the identity provider: the credentials are exchanged
 * for an access token (the OAuth2 password grant of this service's client), which is then read
 * like any bearer token. The token is kept (in memory, under a hash of the credentials) until
 * shortly before it expires, so a client sending Basic on every request costs the provider one
 * exchange a minute, and a disabled account is refused once its token ran out. Wrong
 * credentials are never kept.
 */
public class StaffPasswordExchange implements AuthenticationProvider {

    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(5);

    private final IdentityProvider provider;
    private final IdentityProperties properties;
    private final StaffTokens tokens;
    private final HttpClient http;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Cache<String, Jwt> exchanged;

    public StaffPasswordExchange(IdentityProvider provider, IdentityProperties properties, StaffTokens tokens,
                                 HttpClient http, Clock clock) {
        this.provider = provider;
        this.properties = properties;
        this.tokens = tokens;
        this.http = http;
        this.clock = clock;
        this.exchanged = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfter(new Expiry<String, Jwt>() {
                    @Override
                    public long expireAfterCreate(String key, Jwt jwt, long currentTime) {
                        return keepFor(jwt);
                    }

                    @Override
                    public long expireAfterUpdate(String key, Jwt jwt, long currentTime, long currentDuration) {
                        return keepFor(jwt);
                    }

                    @Override
                    public long expireAfterRead(String key, Jwt jwt, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        String key = fingerprint(username, password);
        Jwt jwt = exchanged.getIfPresent(key);
        if (jwt == null || !jwt.getExpiresAt().isAfter(clock.instant().plus(RENEW_BEFORE_EXPIRY))) {
            jwt = exchange(username, password);
            exchanged.put(key, jwt);
        }
        return tokens.convert(jwt);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private Jwt exchange(String username, String password) {
        String form = Map.of("grant_type", "password", "username", username, "password", password).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String client = Base64.getEncoder().encodeToString((URLEncoder.encode(properties.getClientId(), StandardCharsets.UTF_8)
                + ":" + URLEncoder.encode(String.valueOf(properties.getClientSecret()), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(provider.metadata().tokenEndpoint())
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json")
                    .header("Authorization", "Basic " + client)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(response.body().isBlank() ? "{}" : response.body());
            if (response.statusCode() == 200) {
                return tokens.decoder().decode(body.path("access_token").asText());
            }
            if (response.statusCode() == 400 && "invalid_grant".equals(body.path("error").asText())) {
                throw new BadCredentialsException("Unknown user name or wrong password, or the account is disabled.");
            }
            throw new AuthenticationServiceException("The identity provider refused this service's request ("
                    + response.statusCode() + " " + body.path("error").asText() + "): check startpakket.identity.client-id/-secret");
        } catch (IOException | IdentityProvider.IdentityProviderUnavailableException e) {
            throw new AuthenticationServiceException("The identity provider cannot be reached; try again shortly.", e);
        } catch (JwtException e) {
            throw new AuthenticationServiceException("The identity provider's token was not accepted: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthenticationServiceException("Interrupted", e);
        }
    }

    private long keepFor(Jwt jwt) {
        Instant until = jwt.getExpiresAt().minus(RENEW_BEFORE_EXPIRY);
        return Math.max(0, Duration.between(clock.instant(), until).toNanos());
    }

    private static String fingerprint(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
