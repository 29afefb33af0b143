package nl.startpakket.identity.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The provider's own settings ({@code startpakket.identity-server.*}): the issuer it names in its
 * tokens, the token lifetimes, and the clients (the services) allowed to ask it for tokens.
 * Accounts are not configured: they are data, kept in this service's event log.
 */
@ConfigurationProperties(prefix = "startpakket.identity-server")
public class IdentityServerProperties {

    /** The issuer, as browsers and services reach this provider, e.g. {@code http://localhost:8085}. */
    private URI issuer = URI.create("http://localhost:8085");

    /**
     * How long an access token lives. Under a minute, with five seconds of clock skew at the
     * services: a disabled account or a changed role counts everywhere within a minute.
     */
    private Duration accessTokenLifetime = Duration.ofSeconds(50);

    /** How long a page session may be renewed without signing in again. */
    private Duration refreshTokenLifetime = Duration.ofHours(10);

    private final List<Client> clients = new ArrayList<>();

    /** The services' pages, linked from an account's own page (name to address). */
    private Map<String, String> serviceLinks = new LinkedHashMap<>();

    public URI getIssuer() {
        return issuer;
    }

    public void setIssuer(URI issuer) {
        this.issuer = issuer;
    }

    public Duration getAccessTokenLifetime() {
        return accessTokenLifetime;
    }

    public void setAccessTokenLifetime(Duration accessTokenLifetime) {
        this.accessTokenLifetime = accessTokenLifetime;
    }

    public Duration getRefreshTokenLifetime() {
        return refreshTokenLifetime;
    }

    public void setRefreshTokenLifetime(Duration refreshTokenLifetime) {
        this.refreshTokenLifetime = refreshTokenLifetime;
    }

    public List<Client> getClients() {
        return clients;
    }

    /** The origins the clients' pages live at: where a sign-in or sign-out here hands the browser back. */
    public List<String> clientOrigins() {
        return clients.stream()
                .flatMap(c -> java.util.stream.Stream.concat(c.getRedirectUris().stream(), c.getPostLogoutRedirectUris().stream()))
                .map(nl.startpakket.platform.security.PlatformHttpSecurity::origin)
                .distinct()
                .toList();
    }

    public Map<String, String> getServiceLinks() {
        return serviceLinks;
    }

    public void setServiceLinks(Map<String, String> serviceLinks) {
        this.serviceLinks = serviceLinks;
    }

    /**
     * A service's client: its id, its secret (as a Spring Security hash, {@code {bcrypt}…} or,
     * for the local stack's demo, {@code {noop}…}), where its pages receive the sign-in, and
     * where a sign-out returns to.
     */
    public static class Client {
        private String id;
        private String secret;
        private List<String> redirectUris = new ArrayList<>();
        private List<String> postLogoutRedirectUris = new ArrayList<>();
        /** Whether the client may exchange staff credentials (the password grant; HTTP Basic at the service). */
        private boolean passwordGrant;

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }

        public List<String> getRedirectUris() {
            return redirectUris;
        }

        public void setRedirectUris(List<String> redirectUris) {
            this.redirectUris = redirectUris;
        }

        public List<String> getPostLogoutRedirectUris() {
            return postLogoutRedirectUris;
        }

        public void setPostLogoutRedirectUris(List<String> postLogoutRedirectUris) {
            this.postLogoutRedirectUris = postLogoutRedirectUris;
        }

        public boolean isPasswordGrant() {
            return passwordGrant;
        }

        public void setPasswordGrant(boolean passwordGrant) {
            this.passwordGrant = passwordGrant;
        }
    }
}
