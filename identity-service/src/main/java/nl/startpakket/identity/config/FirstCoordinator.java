package nl.startpakket.identity.config;

import java.util.Set;
import nl.startpakket.identity.api.RegisterStaffAccountCommand;
import nl.startpakket.identity.api.StaffAccountTerms;
import nl.startpakket.identity.query.StaffAccounts;
import nl.startpakket.platform.security.StaffRole;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A new installation's way in: when {@code STARTPAKKET_FIRST_COORDINATOR} names a user name and
 * no account of that name exists, it is registered as a coordinator with the password hash of
 * {@code STARTPAKKET_FIRST_COORDINATOR_PASSWORD_HASH} (a Spring Security hash such as
 * {@code {bcrypt}…}); every other account is then made by that coordinator in the pages.
 */
@Component
public class FirstCoordinator {

    private static final Logger log = LoggerFactory.getLogger(FirstCoordinator.class);

    private final CommandGateway commands;
    private final StaffAccounts accounts;
    private final String username;
    private final String passwordHash;

    public FirstCoordinator(CommandGateway commands, StaffAccounts accounts,
                            @Value("${startpakket.identity-server.first-coordinator.username:}") String username,
                            @Value("${startpakket.identity-server.first-coordinator.password-hash:}") String passwordHash) {
        this.commands = commands;
        this.accounts = accounts;
        this.username = username;
        this.passwordHash = passwordHash;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        if (username.isBlank() || accounts.find(username).isPresent()) {
            return;
        }
        if (passwordHash.isBlank() || !passwordHash.startsWith("{")) {
            log.warn("First coordinator {} not registered: set startpakket.identity-server.first-coordinator.password-hash "
                    + "to a Spring Security password hash (its algorithm id in braces, then the hash)", username);
            return;
        }
        commands.sendAndWait(new RegisterStaffAccountCommand(username,
                new StaffAccountTerms("Coordinator", Set.of(StaffRole.COORDINATOR), null), passwordHash, "installation"));
        log.info("Registered the first coordinator {}", username);
    }
}
