package nl.startpakket.platform.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Staff access tokens: checked here (signature by the provider's published keys, issuer,
 * audience, expiry with only a few seconds of clock skew) and read into a Spring Security
 * authentication: the user name, {@code ROLE_<role>} per known role and
 * {@code MUNICIPALITY_<code>} for an account of a municipality. Access tokens live under a
 * minute, so a disabled account or a changed role counts everywhere within a minute.
 */
public class StaffTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    /** How far clocks may differ between the provider and this service. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private static final Set<String> ROLES = Stream.of(StaffRole.values()).map(Enum::name).collect(Collectors.toSet());

    private final JwtDecoder decoder;

    public StaffTokens(IdentityProvider provider, String audience) {
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(CLOCK_SKEW), new JwtIssuerValidator(provider.issuer()), audience(audience)));
        this.decoder = new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSetUri(provider.metadata().jwksUri().toString()).build();
            nimbus.setJwtValidator(validator);
            return nimbus;
        });
    }

    /** Decodes and checks a token; throws {@code JwtException} when it is not one this service accepts. */
    public JwtDecoder decoder() {
        return decoder;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities(jwt), username(jwt));
    }

    /** The account's user name in the token. */
    public static String username(Jwt jwt) {
        String username = jwt.getClaimAsString(StaffClaims.USERNAME);
        return username == null || username.isBlank() ? jwt.getSubject() : username;
    }

    /** The authorities the token grants. */
    public static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        List<String> roles = jwt.hasClaim(StaffClaims.ROLES) ? jwt.getClaimAsStringList(StaffClaims.ROLES) : List.of();
        roles.stream().filter(ROLES::contains).distinct()
                .forEach(role -> authorities.add(new SimpleGrantedAuthority(StaffRole.valueOf(role).authority())));
        String municipality = jwt.getClaimAsString(StaffClaims.MUNICIPALITY);
        if (municipality != null && !municipality.isBlank()) {
            authorities.add(new SimpleGrantedAuthority(StaffClaims.MUNICIPALITY_PREFIX + municipality));
        }
        return authorities;
    }

    private static OAuth2TokenValidator<Jwt> audience(String audience) {
        OAuth2Error wrongAudience = new OAuth2Error("invalid_token", "The token is not meant for " + audience, null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(wrongAudience);
    }
}
