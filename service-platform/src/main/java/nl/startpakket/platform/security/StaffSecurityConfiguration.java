package nl.startpakket.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.startpakket.platform.PlatformProperties;
import nl.startpakket.platform.PlatformProperties.StaffAccount;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Staff accounts known to this service from its own configuration (never by asking another
 * service). Passwords are kept only as hashes. The {@code demo} profile of the local stack adds
 * the demo accounts of DESIGN.md, whose password is their user name.
 */
@Configuration(proxyBeanMethods = false)
public class StaffSecurityConfiguration {

    /** Authority prefix for the municipality an evaluator may see, e.g. {@code MUNICIPALITY_GM0406}. */
    public static final String MUNICIPALITY_PREFIX = "MUNICIPALITY_";

    public static final List<StaffAccount> DEMO_ACCOUNTS = List.of(
            demo("coordinator", null, StaffRole.COORDINATOR),
            demo("volunteer", null, StaffRole.VOLUNTEER),
            demo("volunteer2", null, StaffRole.VOLUNTEER),
            demo("finance", null, StaffRole.FINANCE),
            demo("evaluator-huizen", "GM0406", StaffRole.EVALUATOR),
            demo("evaluator-heerlen", "GM0917", StaffRole.EVALUATOR));

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public UserDetailsService staffUserDetailsService(PlatformProperties properties, Environment environment,
                                                      PasswordEncoder passwordEncoder) {
        List<UserDetails> users = new ArrayList<>();
        for (StaffAccount account : properties.getStaff()) {
            users.add(toUser(account, account.getPasswordHash()));
        }
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            for (StaffAccount account : DEMO_ACCOUNTS) {
                users.add(toUser(account, passwordEncoder.encode(account.getUsername())));
            }
        }
        // only the lookup: as a UserDetailsPasswordService Spring Security would re-hash a configured password
        // of lower cost than its default on the first login, in memory, and make every later request pay that cost
        InMemoryUserDetailsManager accounts = new InMemoryUserDetailsManager(users);
        return accounts::loadUserByUsername;
    }

    @Bean
    public ProblemSecurityHandlers problemSecurityHandlers() {
        return new ProblemSecurityHandlers();
    }

    private static UserDetails toUser(StaffAccount account, String passwordHash) {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        account.getRoles().forEach(role -> authorities.add(new SimpleGrantedAuthority(StaffRole.valueOf(role).authority())));
        if (account.getMunicipality() != null) {
            authorities.add(new SimpleGrantedAuthority(MUNICIPALITY_PREFIX + account.getMunicipality()));
        }
        return User.withUsername(account.getUsername()).password(passwordHash).authorities(authorities).build();
    }

    private static StaffAccount demo(String username, String municipality, StaffRole... roles) {
        return new StaffAccount(username, null, Arrays.stream(roles).map(Enum::name).toList(), municipality);
    }
}
