package nl.startpakket.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.startpakket.platform.PlatformProperties;
import nl.startpakket.platform.PlatformProperties.StaffAccount;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class StaffAccountsTest {

    private final StaffSecurityConfiguration configuration = new StaffSecurityConfiguration();
    private final PasswordEncoder encoder = configuration.passwordEncoder();

    @Test
    void shouldKeepAConfiguredPasswordHashAsConfiguredAfterLogins() {
        String cheapHash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("secret");
        PlatformProperties properties = new PlatformProperties();
        properties.getStaff().add(new StaffAccount("coordinator", cheapHash, List.of("COORDINATOR"), null));
        UserDetailsService accounts = configuration.staffUserDetailsService(properties, new MockEnvironment(), encoder);

        // wired as Spring Boot wires it: a UserDetailsPasswordService would get to re-hash on login
        assertThat(accounts).isNotInstanceOf(UserDetailsPasswordService.class);
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(encoder);
        Authentication first = provider.authenticate(new UsernamePasswordAuthenticationToken("coordinator", "secret"));
        provider.authenticate(new UsernamePasswordAuthenticationToken("coordinator", "secret"));

        assertThat(first.getAuthorities()).extracting(Object::toString).containsExactly(StaffRole.COORDINATOR.authority());
        assertThat(accounts.loadUserByUsername("coordinator").getPassword())
                .as("not re-hashed at the encoder's higher default cost, which every request would then pay")
                .isEqualTo(cheapHash);
    }
}
