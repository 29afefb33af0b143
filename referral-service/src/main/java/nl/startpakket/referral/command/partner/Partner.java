package nl.startpakket.referral.command.partner;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import nl.startpakket.referral.api.partner.AddWebUserCommand;
import nl.startpakket.referral.api.partner.ChangeWebUserEmailCommand;
import nl.startpakket.referral.api.partner.ChangeWebhookCommand;
import nl.startpakket.referral.api.partner.RegisterWebhookCommand;
import nl.startpakket.referral.api.partner.RemoveWebhookCommand;
import nl.startpakket.referral.api.partner.UnknownWebhookException;
import nl.startpakket.referral.api.partner.WebUserEmailChangedEvent;
import nl.startpakket.referral.api.partner.WebhookChangedEvent;
import nl.startpakket.referral.api.partner.WebhookRegisteredEvent;
import nl.startpakket.referral.api.partner.WebhookRemovedEvent;
import nl.startpakket.referral.api.partner.WebhookSettings;
import nl.startpakket.referral.api.partner.ApiKeyIssuedEvent;
import nl.startpakket.referral.api.partner.ApiKeyRevokedEvent;
import nl.startpakket.referral.api.partner.ChangePartnerTermsCommand;
import nl.startpakket.referral.api.partner.ImportPartnerCommand;
import nl.startpakket.referral.api.partner.IssueApiKeyCommand;
import nl.startpakket.referral.api.partner.PartnerAlreadyRegisteredException;
import nl.startpakket.referral.api.partner.PartnerIdentifiers;
import nl.startpakket.referral.api.partner.PartnerRegisteredEvent;
import nl.startpakket.referral.api.partner.PartnerTerms;
import nl.startpakket.referral.api.partner.PartnerTermsChangedEvent;
import nl.startpakket.referral.api.partner.RegisterPartnerCommand;
import nl.startpakket.referral.api.partner.RemoveWebUserCommand;
import nl.startpakket.referral.api.partner.ResetWebUserPasswordCommand;
import nl.startpakket.referral.api.partner.RevokeApiKeyCommand;
import nl.startpakket.referral.api.partner.UnknownApiKeyException;
import nl.startpakket.referral.api.partner.UnknownWebUserException;
import nl.startpakket.referral.api.partner.UserNameTakenException;
import nl.startpakket.referral.api.partner.WebUserAddedEvent;
import nl.startpakket.referral.api.partner.WebUserExistsException;
import nl.startpakket.referral.api.partner.WebUserPasswordResetEvent;
import nl.startpakket.referral.api.partner.WebUserRemovedEvent;
import nl.startpakket.referral.command.AfterCommit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A partner organisation that refers parents: its terms, its API keys (by hash) and its web form
 * users (by password hash), changed only by a coordinator's commands. The read side that
 * authenticates keys and users is built from these events.
 */
@Aggregate(cache = "partnerCache")
public class Partner {

    /** SHA-256 as 64 lower-case hex digits: what a key hash looks like, so a key itself is refused. */
    static final Pattern KEY_HASH = Pattern.compile("^[0-9a-f]{64}$");
    /** Spring Security's bcrypt encoding: {@code {bcrypt}$2a$10$<53 characters>}. */
    static final Pattern WEBHOOK_URL = Pattern.compile("^https?://[^\\s]+$");
    static final Set<String> LANGUAGES = Set.of("nl", "en");
    static final String DEFAULT_LANGUAGE = "nl";
    static final Pattern BCRYPT = Pattern.compile("^\\{bcrypt}\\$2[abxy]?\\$\\d{2}\\$[./A-Za-z0-9]{53}$");

    @AggregateIdentifier
    private String partnerId;
    private PartnerTerms terms;
    /** Key id → revoked. */
    private final Map<String, Boolean> keys = new HashMap<>();
    private final Set<String> users = new HashSet<>();
    /** Web form user → its e-mail address and language ("address|language"), for users that have one. */
    private final Map<String, String> emails = new HashMap<>();
    /** Webhook id → its settings. */
    private final Map<String, WebhookSettings> webhooks = new HashMap<>();

    protected Partner() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterPartnerCommand command, Clock clock) {
        if (partnerId != null) {
            throw new PartnerAlreadyRegisteredException(command.partnerId());
        }
        requirePartnerId(command.partnerId());
        apply(new PartnerRegisteredEvent(eventId(), command.partnerId(), command.terms(), command.coordinator(), clock.instant()));
    }

    @CommandHandler
    public boolean handle(ChangePartnerTermsCommand command, Clock clock) {
        if (command.terms().equals(terms)) {
            return false;
        }
        apply(new PartnerTermsChangedEvent(eventId(), partnerId, command.terms(), command.coordinator(), clock.instant()));
        return true;
    }

    @CommandHandler
    public boolean handle(IssueApiKeyCommand command, Clock clock) {
        if (command.keyHash() == null || !KEY_HASH.matcher(command.keyHash()).matches()) {
            throw new IllegalArgumentException("An API key is kept only as its SHA-256 hash (64 hex digits).");
        }
        if (command.keyId() == null || command.keyId().isBlank()) {
            throw new IllegalArgumentException("An API key needs a key id.");
        }
        if (keys.containsKey(command.keyId())) {
            return false;
        }
        apply(new ApiKeyIssuedEvent(eventId(), partnerId, command.keyId(), command.keyHash(), command.coordinator(), clock.instant()));
        return true;
    }

    @CommandHandler
    public boolean handle(RevokeApiKeyCommand command, Clock clock) {
        Boolean revoked = keys.get(command.keyId());
        if (revoked == null) {
            throw new UnknownApiKeyException(partnerId, command.keyId());
        }
        if (revoked) {
            return false;
        }
        apply(new ApiKeyRevokedEvent(eventId(), partnerId, command.keyId(), command.coordinator(), clock.instant()));
        return true;
    }

    /**
     * The name is claimed before the event is applied. The claim is not given back when the unit
     * of work rolls back: with Mongo the events may be stored even so (no transactions), and a
     * name held by a partner without that user (it may add it again) is the safe side of a
     * failure, two partners with one user name is not.
     */
    @CommandHandler
    public void handle(AddWebUserCommand command, WebUserNames names, Clock clock) {
        if (!PartnerIdentifiers.isUsername(command.username())) {
            throw new IllegalArgumentException("A user name is 3 to 100 letters, digits or . _ @ -");
        }
        requireBcrypt(command.passwordHash());
        if (users.contains(command.username())) {
            throw new WebUserExistsException(partnerId, command.username());
        }
        claim(names, command.username());
        apply(new WebUserAddedEvent(eventId(), partnerId, command.username(), command.passwordHash(), command.coordinator(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(ResetWebUserPasswordCommand command, Clock clock) {
        requireUser(command.username());
        requireBcrypt(command.passwordHash());
        apply(new WebUserPasswordResetEvent(eventId(), partnerId, command.username(), command.passwordHash(), command.coordinator(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(RemoveWebUserCommand command, WebUserNames names, Clock clock) {
        requireUser(command.username());
        apply(new WebUserRemovedEvent(eventId(), partnerId, command.username(), command.coordinator(), clock.instant()));
        String id = partnerId;
        AfterCommit.run(() -> names.release(command.username(), id));
    }

    /** Sets or removes the user's address for status e-mails; false when it was so already. */
    @CommandHandler
    public boolean handle(ChangeWebUserEmailCommand command, Clock clock) {
        requireUser(command.username());
        String email = command.email() == null || command.email().isBlank() ? null : command.email().trim();
        if (email != null && !PartnerIdentifiers.isEmail(email)) {
            throw new IllegalArgumentException("Not an e-mail address.");
        }
        String language = command.language() != null && LANGUAGES.contains(command.language()) ? command.language() : DEFAULT_LANGUAGE;
        String next = email == null ? null : email + "|" + language;
        if (Objects.equals(next, emails.get(command.username()))) {
            return false;
        }
        apply(new WebUserEmailChangedEvent(eventId(), partnerId, command.username(), email, email == null ? null : language,
                command.coordinator(), clock.instant()));
        return true;
    }

    @CommandHandler
    public void handle(RegisterWebhookCommand command, Clock clock) {
        if (command.webhookId() == null || command.webhookId().isBlank() || webhooks.containsKey(command.webhookId())) {
            throw new IllegalArgumentException("A new webhook needs an id of its own.");
        }
        if (command.signingSecret() == null) {
            throw new IllegalArgumentException("A webhook needs a sealed signing secret.");
        }
        requireSettings(command.settings());
        apply(new WebhookRegisteredEvent(eventId(), partnerId, command.webhookId(), command.settings(), command.signingSecret(),
                command.coordinator(), clock.instant()));
    }

    /** False when the webhook has these settings already. */
    @CommandHandler
    public boolean handle(ChangeWebhookCommand command, Clock clock) {
        WebhookSettings current = requireWebhook(command.webhookId());
        requireSettings(command.settings());
        if (current.equals(command.settings())) {
            return false;
        }
        apply(new WebhookChangedEvent(eventId(), partnerId, command.webhookId(), command.settings(), command.coordinator(),
                clock.instant()));
        return true;
    }

    @CommandHandler
    public void handle(RemoveWebhookCommand command, Clock clock) {
        requireWebhook(command.webhookId());
        apply(new WebhookRemovedEvent(eventId(), partnerId, command.webhookId(), command.coordinator(), clock.instant()));
    }

    private WebhookSettings requireWebhook(String webhookId) {
        WebhookSettings settings = webhooks.get(webhookId);
        if (settings == null) {
            throw new UnknownWebhookException(partnerId, webhookId);
        }
        return settings;
    }

    /** An absolute http(s) address and at least one status; which addresses are allowed is the web layer's policy. */
    private static void requireSettings(WebhookSettings settings) {
        if (settings == null || settings.url() == null || !WEBHOOK_URL.matcher(settings.url()).matches()) {
            throw new IllegalArgumentException("A webhook needs an http(s) address.");
        }
        if (settings.statuses().isEmpty()) {
            throw new IllegalArgumentException("A webhook needs at least one status.");
        }
    }

    /**
     * Replays a partner kept before partners were event-sourced as the events that would have
     * made it: keys keep when they were issued and revoked. Nothing happens for a partner that is
     * in the log already, so the import can run at every start.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(ImportPartnerCommand command, WebUserNames names, Clock clock) {
        if (partnerId != null) {
            return false;
        }
        requirePartnerId(command.partnerId());
        Instant now = clock.instant();
        apply(new PartnerRegisteredEvent(eventId(), command.partnerId(), command.terms(), command.coordinator(), now));
        for (ImportPartnerCommand.Key key : command.keys()) {
            if (keys.containsKey(key.keyId())) {
                continue;
            }
            apply(new ApiKeyIssuedEvent(eventId(), partnerId, key.keyId(), key.keyHash(), command.coordinator(),
                    key.issuedAt() == null ? now : key.issuedAt()));
            if (key.revokedAt() != null) {
                apply(new ApiKeyRevokedEvent(eventId(), partnerId, key.keyId(), command.coordinator(), key.revokedAt()));
            }
        }
        for (ImportPartnerCommand.User user : command.users()) {
            claim(names, user.username());
            apply(new WebUserAddedEvent(eventId(), partnerId, user.username(), user.passwordHash(), command.coordinator(), now));
        }
        return true;
    }

    private void claim(WebUserNames names, String username) {
        if (names.claim(username, partnerId).isPresent()) {
            throw new UserNameTakenException(partnerId, username);
        }
    }

    private void requireUser(String username) {
        if (!users.contains(username)) {
            throw new UnknownWebUserException(partnerId, username);
        }
    }

    private static void requirePartnerId(String partnerId) {
        if (!PartnerIdentifiers.isPartnerId(partnerId)) {
            throw new IllegalArgumentException("A partner id is 2 to 63 lower-case letters, digits or dashes.");
        }
    }

    private static void requireBcrypt(String passwordHash) {
        if (passwordHash == null || !BCRYPT.matcher(passwordHash).matches()) {
            throw new IllegalArgumentException("A password is kept only as its bcrypt hash.");
        }
    }

    private static String eventId() {
        return UUID.randomUUID().toString();
    }

    @EventSourcingHandler
    void on(PartnerRegisteredEvent event) {
        partnerId = event.partnerId();
        terms = event.terms();
    }

    @EventSourcingHandler
    void on(PartnerTermsChangedEvent event) {
        terms = event.terms();
    }

    @EventSourcingHandler
    void on(ApiKeyIssuedEvent event) {
        keys.put(event.keyId(), false);
    }

    @EventSourcingHandler
    void on(ApiKeyRevokedEvent event) {
        keys.put(event.keyId(), true);
    }

    @EventSourcingHandler
    void on(WebUserAddedEvent event) {
        users.add(event.username());
    }

    @EventSourcingHandler
    void on(WebUserRemovedEvent event) {
        users.remove(event.username());
        emails.remove(event.username());
    }

    @EventSourcingHandler
    void on(WebUserEmailChangedEvent event) {
        if (event.email() == null) {
            emails.remove(event.username());
        } else {
            emails.put(event.username(), event.email() + "|" + event.language());
        }
    }

    @EventSourcingHandler
    void on(WebhookRegisteredEvent event) {
        webhooks.put(event.webhookId(), event.settings());
    }

    @EventSourcingHandler
    void on(WebhookChangedEvent event) {
        webhooks.put(event.webhookId(), event.settings());
    }

    @EventSourcingHandler
    void on(WebhookRemovedEvent event) {
        webhooks.remove(event.webhookId());
    }
}
