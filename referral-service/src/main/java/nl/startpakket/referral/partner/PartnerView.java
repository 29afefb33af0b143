package nl.startpakket.referral.partner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.SealedData;
import nl.startpakket.referral.api.ReferralStatus;
import nl.startpakket.referral.api.partner.WebhookSettings;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A partner as authentication and the coordinator's pages need it, built from the partner's
 * events by {@link PartnerDirectoryProjection}: its terms, its API keys as SHA-256 hashes with a
 * key id, its web form users with their password hashes. {@code sequence} is the number of the
 * last event of the partner applied; a document without it was written before partners were
 * event-sourced (see {@link LegacyPartnerImport}).
 */
@Document(PartnerView.COLLECTION)
public class PartnerView {

    public static final String COLLECTION = "partners";

    @Id
    private String id;
    private String name;
    private IntermediaryType intermediaryType;
    private List<String> municipalities = new ArrayList<>();
    private boolean active;
    private List<ApiKey> apiKeys = new ArrayList<>();
    private List<WebUser> users = new ArrayList<>();
    private List<Webhook> webhooks = new ArrayList<>();
    private Long sequence;

    /** One key: its id (safe to show), the hash of the key, when issued and when revoked. */
    public record ApiKey(String keyId, String hash, Instant createdAt, Instant revokedAt) {

        public boolean isValid() {
            return revokedAt == null;
        }
    }

    /**
     * One web form user: the name, the bcrypt hash of the password, since when; the address for
     * status e-mails (null: none), their language and since when the address is set.
     */
    public record WebUser(String username, String passwordHash, Instant addedAt, String email, String language, Instant emailSince) {

        public WebUser(String username, String passwordHash, Instant addedAt) {
            this(username, passwordHash, addedAt, null, null, null);
        }

        public WebUser withPasswordHash(String hash) {
            return new WebUser(username, hash, addedAt, email, language, emailSince);
        }

        public WebUser withEmail(String address, String lang, Instant since) {
            return new WebUser(username, passwordHash, addedAt, address, lang, since);
        }
    }

    /** One webhook: where, what, whether active, the signing secret (sealed), since when. */
    public record Webhook(String webhookId, String url, List<ReferralStatus> statuses, boolean active, SealedData signingSecret,
                          Instant createdAt, Instant changedAt) {

        public WebhookSettings settings() {
            return new WebhookSettings(url, statuses, active);
        }

        public boolean wants(ReferralStatus status) {
            return settings().wants(status);
        }
    }

    public PartnerView() {
    }

    public PartnerView(String id, String name, IntermediaryType intermediaryType, List<String> municipalities, boolean active) {
        this.id = id;
        this.name = name;
        this.intermediaryType = intermediaryType;
        this.municipalities = new ArrayList<>(municipalities);
        this.active = active;
    }

    public boolean mayReferFor(String municipality) {
        return municipalities.contains(municipality);
    }

    public long getValidKeyCount() {
        return apiKeys.stream().filter(ApiKey::isValid).count();
    }

    public Optional<WebUser> user(String username) {
        return users.stream().filter(user -> user.username().equals(username)).findFirst();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public IntermediaryType getIntermediaryType() {
        return intermediaryType;
    }

    public void setIntermediaryType(IntermediaryType intermediaryType) {
        this.intermediaryType = intermediaryType;
    }

    public List<String> getMunicipalities() {
        return municipalities;
    }

    public void setMunicipalities(List<String> municipalities) {
        this.municipalities = municipalities;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public List<ApiKey> getApiKeys() {
        return apiKeys;
    }

    public void setApiKeys(List<ApiKey> apiKeys) {
        this.apiKeys = apiKeys;
    }

    public List<WebUser> getUsers() {
        return users;
    }

    public void setUsers(List<WebUser> users) {
        this.users = users;
    }

    public Optional<Webhook> webhook(String webhookId) {
        return webhooks.stream().filter(webhook -> webhook.webhookId().equals(webhookId)).findFirst();
    }

    public List<Webhook> getWebhooks() {
        return webhooks;
    }

    public void setWebhooks(List<Webhook> webhooks) {
        this.webhooks = webhooks == null ? new ArrayList<>() : webhooks;
    }

    public Long getSequence() {
        return sequence;
    }

    public void setSequence(Long sequence) {
        this.sequence = sequence;
    }
}
