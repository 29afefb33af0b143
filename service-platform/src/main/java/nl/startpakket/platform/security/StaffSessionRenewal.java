package nl.startpakket.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in page session as true as the identity provider: on each request whose access
 * token ran out, the token is renewed (refresh grant). The renewed token's roles and municipality
 * replace the session's; when the provider refuses (the account was disabled, or signed out
 * there), the session ends and the page asks to sign in again. So a page session, like an API
 * token, follows a change at the provider within a minute.
 */
public class StaffSessionRenewal extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StaffSessionRenewal.class);

    private final OAuth2AuthorizedClientManager clients;
    private final StaffTokens tokens;
    private final String signInAgain;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    /** {@code signInAgain}: where a page goes when its session ended, e.g. {@code /login?expired}. */
    public StaffSessionRenewal(OAuth2AuthorizedClientManager clients, StaffTokens tokens, String signInAgain) {
        this.clients = clients;
        this.tokens = tokens;
        this.signInAgain = signInAgain;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication instanceof OAuth2AuthenticationToken signedIn && signedIn.getPrincipal() instanceof OidcUser user) {
            OAuth2AuthorizedClient client;
            try {
                client = clients.authorize(OAuth2AuthorizeRequest
                        .withClientRegistrationId(signedIn.getAuthorizedClientRegistrationId())
                        .principal(signedIn)
                        .attribute(HttpServletRequest.class.getName(), request)
                        .attribute(HttpServletResponse.class.getName(), response)
                        .build());
            } catch (OAuth2AuthorizationException e) {
                log.info("Page session of {} ended: the identity provider refused to renew it ({})", signedIn.getName(),
                        e.getError().getErrorCode());
                client = null;
            }
            if (client == null) {
                signOut(request, response);
                return;
            }
            Collection<GrantedAuthority> current;
            try {
                current = StaffTokens.authorities(tokens.decoder().decode(client.getAccessToken().getTokenValue()));
            } catch (JwtException e) {
                log.info("Page session of {} ended: its renewed token is not accepted ({})", signedIn.getName(), e.getMessage());
                signOut(request, response);
                return;
            }
            if (!new HashSet<>(current).equals(new HashSet<>(signedIn.getAuthorities()))) {
                OAuth2AuthenticationToken renewed = new OAuth2AuthenticationToken(
                        new DefaultOidcUser(current, user.getIdToken(), user.getUserInfo(), StaffClaims.USERNAME),
                        current, signedIn.getAuthorizedClientRegistrationId());
                renewed.setDetails(signedIn.getDetails());
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(renewed);
                contexts.setContext(context);
                repository.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private void signOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        contexts.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        if ("GET".equals(request.getMethod()) && !request.getRequestURI().startsWith("/api/")) {
            response.sendRedirect(request.getContextPath() + signInAgain);
        } else {
            ProblemSecurityHandlers.write(response, org.springframework.http.HttpStatus.UNAUTHORIZED, "Signed out",
                    "Your session ended: sign in again.", request);
        }
    }
}
