package nl.startpakket.identity.query;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import nl.startpakket.platform.security.StaffRole;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Reads the accounts: for sign-in (a disabled account is refused), for the pages and the API,
 * and to wait until a command's effect is visible, so a coordinator who created an account can
 * sign it in at once.
 */
@Service
public class StaffAccounts implements UserDetailsService {

    private static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);

    private final MongoTemplate mongo;

    public StaffAccounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<StaffAccountView> find(String username) {
        return Optional.ofNullable(mongo.findById(username, StaffAccountView.class));
    }

    public List<StaffAccountView> all() {
        return mongo.find(new Query().with(Sort.by("username")), StaffAccountView.class);
    }

    /** Active accounts with the role, e.g. to keep at least one coordinator. */
    public long countActive(StaffRole role) {
        return mongo.count(Query.query(Criteria.where("active").is(true).and("roles").is(role.name())), StaffAccountView.class);
    }

    /** Waits until the account satisfies {@code condition}; false when it did not within 10 s. */
    public boolean awaitVisible(String username, Predicate<StaffAccountView> condition) {
        long deadline = System.nanoTime() + VISIBLE_WITHIN.toNanos();
        long pause = 5;
        while (System.nanoTime() < deadline) {
            Optional<StaffAccountView> view = find(username);
            if (view.isPresent() && condition.test(view.get())) {
                return true;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause = Math.min(pause * 2, 100);
        }
        return false;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        StaffAccountView account = find(username).orElseThrow(() -> new UsernameNotFoundException("No account " + username));
        return User.withUsername(account.username())
                .password(account.passwordHash())
                .disabled(!account.active())
                .authorities(account.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
                .build();
    }
}
