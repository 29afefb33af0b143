package nl.startpakket.identity.config;

import java.util.List;
import java.util.Set;
import nl.startpakket.identity.api.RegisterStaffAccountCommand;
import nl.startpakket.identity.api.StaffAccountTerms;
import nl.startpakket.identity.query.StaffAccounts;
import nl.startpakket.platform.security.StaffRole;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo accounts of DESIGN.md (password = user name), registered once in the local stack's
 * {@code demo} profile, like any account a coordinator creates: as events. Production starts
 * with none but the first coordinator an operator registers.
 */
@Component
@Profile("demo")
public class DemoAccounts {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    record Demo(String username, String displayName, StaffRole role, String municipality) {
    }

    static final List<Demo> ACCOUNTS = List.of(
            new Demo("coordinator", "Coördinator (demo)", StaffRole.COORDINATOR, null),
            new Demo("volunteer", "Vrijwilliger (demo)", StaffRole.VOLUNTEER, null),
            new Demo("volunteer2", "Tweede vrijwilliger (demo)", StaffRole.VOLUNTEER, null),
            new Demo("finance", "Financiën (demo)", StaffRole.FINANCE, null),
            new Demo("evaluator-huizen", "Evaluator Huizen (demo)", StaffRole.EVALUATOR, "GM0406"),
            new Demo("evaluator-heerlen", "Evaluator Heerlen (demo)", StaffRole.EVALUATOR, "GM0917"),
            new Demo("sociaal-team-huizen", "Sociaal team Huizen (demo)", StaffRole.SOCIAL_TEAM, "GM0406"));

    private final CommandGateway commands;
    private final StaffAccounts accounts;
    private final PasswordEncoder passwordEncoder;

    public DemoAccounts(CommandGateway commands, StaffAccounts accounts, PasswordEncoder passwordEncoder) {
        this.commands = commands;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        for (Demo demo : ACCOUNTS) {
            if (accounts.find(demo.username()).isPresent()) {
                continue;
            }
            try {
                commands.sendAndWait(new RegisterStaffAccountCommand(demo.username(),
                        new StaffAccountTerms(demo.displayName(), Set.of(demo.role()), demo.municipality()),
                        passwordEncoder.encode(demo.username()), "demo-data"));
            } catch (RuntimeException e) {
                // registered meanwhile (the projection lagged behind the event log): nothing to do
                log.debug("Demo account {} not registered: {}", demo.username(), e.getMessage());
            }
        }
        for (Demo demo : ACCOUNTS) {
            accounts.awaitVisible(demo.username(), view -> true);
        }
    }
}
