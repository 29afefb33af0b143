package nl.startpakket.referral.partner;

import java.util.Map;
import nl.startpakket.platform.audit.AuditTrail;
import nl.startpakket.referral.api.partner.AddWebUserCommand;
import nl.startpakket.referral.api.partner.ChangePartnerTermsCommand;
import nl.startpakket.referral.api.partner.ChangeWebUserEmailCommand;
import nl.startpakket.referral.api.partner.ChangeWebhookCommand;
import nl.startpakket.referral.api.partner.RegisterWebhookCommand;
import nl.startpakket.referral.api.partner.RemoveWebhookCommand;
import nl.startpakket.referral.api.partner.WebhookSettings;
import nl.startpakket.referral.api.partner.IssueApiKeyCommand;
import nl.startpakket.referral.api.partner.PartnerAlreadyRegisteredException;
import nl.startpakket.referral.api.partner.PartnerIdentifiers;
import nl.startpakket.referral.api.partner.PartnerTerms;
import nl.startpakket.referral.api.partner.RegisterPartnerCommand;
import nl.startpakket.referral.api.partner.RemoveWebUserCommand;
import nl.startpakket.referral.api.partner.ResetWebUserPasswordCommand;
import nl.startpakket.referral.api.partner.RevokeApiKeyCommand;
import nl.startpakket.referral.api.partner.UnknownPartnerException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * What a coordinator does with partners, for the API and the pages alike: every change is a
 * command to the partner aggregate, written to the audit trail under the coordinator's name once
 * it succeeded. Refusals are the aggregate's ({@code PartnerRefusedException}s); an unknown
 * partner is {@link UnknownPartnerException}. When a command returns, the directory shows its
 * effect: keys, users and terms count from the next request on.
 */
@Service
public class PartnerAdministration {

    private static final Logger log = LoggerFactory.getLogger(PartnerAdministration.class);
    private static final int KEY_ID_ATTEMPTS = 3;

    private final CommandGateway commands;
    private final PartnerDirectory directory;
    private final PartnerDirectoryProjection projection;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final WebhookSigningSecrets signingSecrets;

    public PartnerAdministration(CommandGateway commands, PartnerDirectory directory, PartnerDirectoryProjection projection,
                                 PasswordEncoder passwordEncoder, AuditTrail audit, WebhookSigningSecrets signingSecrets) {
        this.commands = commands;
        this.directory = directory;
        this.projection = projection;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.signingSecrets = signingSecrets;
    }

    /** A webhook just registered, with its signing secret: the only time the secret is visible. */
    public record NewWebhook(String webhookId, String signingSecret) {
    }

    /**
     * Registers a webhook of the partner (by a coordinator, or by the partner's system: then the
     * actor is {@code api-key:<keyId>}). The audit names the host, never the whole address (it may
     * carry the receiver's own token).
     */
    public NewWebhook registerWebhook(String actor, String partnerId, WebhookSettings settings) {
        String webhookId = Secrets.newWebhookId();
        String secret = Secrets.newWebhookSecret();
        send(partnerId, new RegisterWebhookCommand(partnerId, webhookId, settings, signingSecrets.seal(partnerId, webhookId, secret),
                actor));
        audit.record(actor, "register-webhook", partnerId, webhookDetails(webhookId, settings));
        return new NewWebhook(webhookId, secret);
    }

    /** False when the webhook had these settings already. */
    public boolean changeWebhook(String actor, String partnerId, String webhookId, WebhookSettings settings) {
        boolean changed = send(partnerId, new ChangeWebhookCommand(partnerId, webhookId, settings, actor));
        if (changed) {
            audit.record(actor, "change-webhook", partnerId, webhookDetails(webhookId, settings));
        }
        return changed;
    }

    public void removeWebhook(String actor, String partnerId, String webhookId) {
        send(partnerId, new RemoveWebhookCommand(partnerId, webhookId, actor));
        audit.record(actor, "remove-webhook", partnerId, Map.of("webhookId", webhookId));
    }

    /** Sets (null or blank: removes) the user's address for status e-mails and their language; false when so already. */
    public boolean changeEmail(String coordinator, String partnerId, String username, String email, String language) {
        boolean changed = send(partnerId, new ChangeWebUserEmailCommand(partnerId, username, email, language, coordinator));
        if (changed) {
            audit.record(coordinator, "change-web-user-email", partnerId,
                    Map.of("username", username, "email", email == null || email.isBlank() ? "none" : "set"));
        }
        return changed;
    }

    private static Map<String, String> webhookDetails(String webhookId, WebhookSettings settings) {
        return Map.of("webhookId", webhookId, "host", java.net.URI.create(settings.url()).getHost() + "",
                "statuses", settings.statuses().toString(), "active", Boolean.toString(settings.active()));
    }

    /** Registers the partner, or changes its terms when it is registered already; true when it is new. */
    public boolean put(String coordinator, String partnerId, PartnerTerms terms) {
        if (directory.find(partnerId).isEmpty()) {
            try {
                register(coordinator, partnerId, terms);
                return true;
            } catch (PartnerAlreadyRegisteredException e) {
                // registered a moment ago by someone else: then this is a change
            }
        }
        change(coordinator, partnerId, terms);
        return false;
    }

    /** Registers a new partner; {@link PartnerAlreadyRegisteredException} when the id is taken. */
    public void register(String coordinator, String partnerId, PartnerTerms terms) {
        send(partnerId, new RegisterPartnerCommand(partnerId, terms, coordinator));
        audit.record(coordinator, "register-partner", partnerId, Map.of("active", Boolean.toString(terms.active())));
    }

    /** Sets a partner's terms; false when they were so already. */
    public boolean change(String coordinator, String partnerId, PartnerTerms terms) {
        boolean changed = send(partnerId, new ChangePartnerTermsCommand(partnerId, terms, coordinator));
        if (changed) {
            audit.record(coordinator, "change-partner-terms", partnerId, Map.of("active", Boolean.toString(terms.active())));
        }
        return changed;
    }

    /** A new key for the partner: the answer is the only time the key is visible; its hash is kept. */
    public IssuedApiKey issueKey(String coordinator, String partnerId) {
        for (int attempt = 0; attempt < KEY_ID_ATTEMPTS; attempt++) {
            IssuedApiKey key = Secrets.newApiKey(partnerId);
            if (addKey(coordinator, partnerId, key.keyId(), key.apiKey())) {
                return key;
            }
            // the random key id was taken (48 bits): draw again
        }
        throw new IllegalStateException("No free key id for " + partnerId);
    }

    /** Adds a known key (demo data); false, changing nothing, when the partner has a key with this id. */
    public boolean addKey(String coordinator, String partnerId, String keyId, String apiKey) {
        boolean issued = send(partnerId, new IssueApiKeyCommand(partnerId, keyId, Secrets.sha256(apiKey), coordinator));
        if (issued) {
            audit.record(coordinator, "issue-api-key", partnerId, Map.of("keyId", keyId));
        }
        return issued;
    }

    /** Revokes a key at once (again: nothing changes); {@code UnknownApiKeyException} for a key the partner never had. */
    public void revokeKey(String coordinator, String partnerId, String keyId) {
        send(partnerId, new RevokeApiKeyCommand(partnerId, keyId, coordinator));
        audit.record(coordinator, "revoke-api-key", partnerId, Map.of("keyId", keyId));
    }

    /** Adds the user with this password, or resets its password when the partner has it; true when added. */
    public boolean putUser(String coordinator, String partnerId, String username, String password) {
        PartnerView partner = directory.find(partnerId).orElseThrow(() -> new UnknownPartnerException(partnerId));
        if (partner.user(username).isPresent()) {
            reset(coordinator, partnerId, username, password);
            return false;
        }
        add(coordinator, partnerId, username, password);
        return true;
    }

    /** Adds a user with a password made up here; the answer is the only time it is visible. */
    public String addUser(String coordinator, String partnerId, String username) {
        String password = Secrets.newPassword();
        add(coordinator, partnerId, username, password);
        return password;
    }

    /** Gives the user a new password made up here; the answer is the only time it is visible. */
    public String resetPassword(String coordinator, String partnerId, String username) {
        String password = Secrets.newPassword();
        reset(coordinator, partnerId, username, password);
        return password;
    }

    public void removeUser(String coordinator, String partnerId, String username) {
        send(partnerId, new RemoveWebUserCommand(partnerId, username, coordinator));
        audit.record(coordinator, "remove-web-user", partnerId, Map.of("username", username));
    }

    private void add(String coordinator, String partnerId, String username, String password) {
        send(partnerId, new AddWebUserCommand(partnerId, username, passwordEncoder.encode(password), coordinator));
        audit.record(coordinator, "add-web-user", partnerId, Map.of("username", username));
    }

    private void reset(String coordinator, String partnerId, String username, String password) {
        send(partnerId, new ResetWebUserPasswordCommand(partnerId, username, passwordEncoder.encode(password), coordinator));
        audit.record(coordinator, "reset-web-user-password", partnerId, Map.of("username", username));
    }

    /**
     * Sends the command and waits for it. Whatever the outcome, the partner's directory document
     * is then brought up to its event log: after a failure that stored events but could not write
     * the directory, the coordinator's retry (even one that changes nothing) repairs it.
     */
    private <R> R send(String partnerId, Object command) {
        // a partner id is never a referral's id: no command reaches another aggregate's events
        if (!PartnerIdentifiers.isPartnerId(partnerId)) {
            throw new UnknownPartnerException(partnerId);
        }
        try {
            return commands.sendAndWait(command);
        } catch (CommandExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? translate(cause, partnerId) : e;
        } catch (RuntimeException e) {
            throw translate(e, partnerId);
        } finally {
            try {
                projection.catchUp(partnerId);
            } catch (RuntimeException e) {
                log.warn("Partner directory of {} not caught up: {}", partnerId, e.getMessage());
            }
        }
    }

    private static RuntimeException translate(RuntimeException failure, String partnerId) {
        return failure instanceof AggregateNotFoundException ? new UnknownPartnerException(partnerId) : failure;
    }
}
