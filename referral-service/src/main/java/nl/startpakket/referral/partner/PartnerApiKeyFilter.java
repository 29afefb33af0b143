package nl.startpakket.referral.partner;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <partner API key>} as the partner that owns the key.
 * An unknown, revoked or inactive partner's key is answered 401 at once; a successful use is
 * noted as the key's last use.
 */
public class PartnerApiKeyFilter extends OncePerRequestFilter {

    public static final String PARTNER_ROLE = "ROLE_PARTNER";
    private static final String BEARER = "Bearer ";

    private final PartnerDirectory directory;
    private final AuthenticationEntryPoint entryPoint;

    public PartnerApiKeyFilter(PartnerDirectory directory, AuthenticationEntryPoint entryPoint) {
        this.directory = directory;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        Optional<PartnerPrincipal> partner = directory.authenticate(header.substring(BEARER.length()));
        if (partner.isEmpty()) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, new BadCredentialsException("Unknown or revoked API key"));
            return;
        }
        directory.recordUse(partner.get());
        var authentication = UsernamePasswordAuthenticationToken.authenticated(partner.get(), null,
                List.of(new SimpleGrantedAuthority(PARTNER_ROLE)));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
