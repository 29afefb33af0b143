package nl.startpakket.identity.token;

import java.util.List;
import nl.startpakket.identity.query.StaffAccountView;
import nl.startpakket.identity.query.StaffAccounts;
import nl.startpakket.platform.security.StaffClaims;
import nl.startpakket.platform.security.StaffRole;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * What a token says of its account: user name, display name, roles and, for an account of a
 * municipality, its CBS code. Read from the account as it is now, each time a token is made: a
 * sign-in, a page session's renewal, a service's credentials exchange. A disabled or removed
 * account gets no token ({@code invalid_grant}), so its sessions end at their next renewal.
 */
public class StaffTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final StaffAccounts accounts;

    public StaffTokenClaims(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if ((!accessToken && !idToken) || AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            return;
        }
        String username = context.getPrincipal().getName();
        StaffAccountView account = accounts.find(username).filter(StaffAccountView::active)
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                        "The account " + username + " may not sign in.", null)));
        List<String> roles = account.roles().stream().map(StaffRole::name).toList();
        context.getClaims().claims(claims -> {
            claims.put(StaffClaims.USERNAME, account.username());
            claims.put(StaffClaims.NAME, account.displayName());
            claims.put(StaffClaims.ROLES, roles);
            if (account.municipality() != null) {
                claims.put(StaffClaims.MUNICIPALITY, account.municipality());
            } else {
                claims.remove(StaffClaims.MUNICIPALITY);
            }
        });
    }
}
