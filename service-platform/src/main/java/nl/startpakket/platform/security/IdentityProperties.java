package nl.startpakket.platform.security;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where staff identity comes from ({@code startpakket.identity.*}): the OpenID Connect provider
 * whose tokens this service accepts, and this service's client at it (for the pages' sign-in).
 * No account or password is configured here: the provider keeps them.
 */
@ConfigurationProperties(prefix = "startpakket.identity")
public class IdentityProperties {

    /** The provider's issuer, exactly as its tokens name it, e.g. {@code http://localhost:8085}. */
    private URI issuer = URI.create("http://localhost:8085");

    /**
     * Where this service reads the provider's metadata ({@code /.well-known/openid-configuration}
     * below it) when it reaches the provider by another address than the browser does (a
     * container network); default: the issuer.
     */
    private URI discoveryUrl;

    /** This service's client id at the provider; also the audience its access tokens must carry. */
    private String clientId = "startpakket";

    /** The client's secret ({@code STARTPAKKET_IDENTITY_CLIENT_SECRET}). */
    private String clientSecret;

    /**
     * Whether the API also takes HTTP Basic staff credentials, checked by the provider (the
     * OAuth2 password grant of this service's client): a convenience of the local stack for curl.
     * Bearer tokens work either way.
     */
    private boolean basicCredentials;

    public URI getIssuer() {
        return issuer;
    }

    public void setIssuer(URI issuer) {
        this.issuer = issuer;
    }

    public URI getDiscoveryUrl() {
        return discoveryUrl == null || discoveryUrl.toString().isBlank() ? issuer : discoveryUrl;
    }

    public void setDiscoveryUrl(URI discoveryUrl) {
        this.discoveryUrl = discoveryUrl;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public boolean isBasicCredentials() {
        return basicCredentials;
    }

    public void setBasicCredentials(boolean basicCredentials) {
        this.basicCredentials = basicCredentials;
    }
}
