package nl.startpakket.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The OpenID Connect provider's metadata, read on first use (never at start-up, so a service
 * starts while the provider is still starting) and kept once read. When the provider cannot be
 * reached, each use says so and the next one tries again.
 */
public class IdentityProvider {

    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";

    private final IdentityProperties properties;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private volatile Metadata metadata;

    public IdentityProvider(IdentityProperties properties, HttpClient http) {
        this.properties = properties;
        this.http = http;
    }

    /** The endpoints this service uses. */
    public record Metadata(String issuer, URI authorizationEndpoint, URI tokenEndpoint, URI jwksUri,
                           Optional<URI> endSessionEndpoint) {
    }

    public String issuer() {
        return properties.getIssuer().toString();
    }

    public Metadata metadata() {
        Metadata known = metadata;
        if (known == null) {
            synchronized (this) {
                known = metadata;
                if (known == null) {
                    known = read();
                    metadata = known;
                }
            }
        }
        return known;
    }

    private Metadata read() {
        URI discovery = URI.create(stripSlash(properties.getDiscoveryUrl().toString()) + DISCOVERY_PATH);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(5))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IdentityProviderUnavailableException("The identity provider answered " + response.statusCode()
                        + " for " + discovery);
            }
            JsonNode body = json.readTree(response.body());
            String issuer = body.path("issuer").asText();
            if (!stripSlash(issuer).equals(stripSlash(issuer()))) {
                throw new IdentityProviderUnavailableException("The identity provider at " + discovery + " is issuer " + issuer
                        + ", not the configured " + issuer() + " (startpakket.identity.issuer)");
            }
            String endSession = body.path("end_session_endpoint").asText(null);
            return new Metadata(issuer, uri(body, "authorization_endpoint"), uri(body, "token_endpoint"), uri(body, "jwks_uri"),
                    Optional.ofNullable(endSession).map(URI::create));
        } catch (IOException e) {
            throw new IdentityProviderUnavailableException("The identity provider at " + discovery + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityProviderUnavailableException("Interrupted while reading " + discovery, e);
        }
    }

    private static URI uri(JsonNode body, String field) {
        String value = body.path(field).asText(null);
        if (value == null || value.isBlank()) {
            throw new IdentityProviderUnavailableException("The identity provider's metadata has no " + field);
        }
        return URI.create(value);
    }

    private static String stripSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }

    /** The provider could not be asked; a later request may succeed. */
    public static class IdentityProviderUnavailableException extends RuntimeException {
        public IdentityProviderUnavailableException(String message) {
            super(message);
        }

        public IdentityProviderUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
