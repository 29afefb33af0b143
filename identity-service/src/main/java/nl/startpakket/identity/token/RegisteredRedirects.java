package nl.startpakket.identity.token;

import java.util.function.Consumer;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * An authorization request's {@code redirect_uri} must be one of the client's registered ones,
 * character for character. Unlike the library's default, {@code localhost} is allowed: the local
 * stack's pages are reached at {@code http://localhost:808x}, and an exact match against the
 * registration is what protects the code.
 */
public final class RegisteredRedirects implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

    private final Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> scopes =
            OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR;

    @Override
    public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        RegisteredClient client = context.getRegisteredClient();
        String requested = request.getRedirectUri();
        boolean registered = requested == null
                ? client.getRedirectUris().size() == 1
                : client.getRedirectUris().contains(requested);
        if (!registered) {
            OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST,
                    "redirect_uri " + requested + " is not registered for client " + client.getClientId(), null);
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(error, null);
        }
        scopes.accept(context);
    }
}
