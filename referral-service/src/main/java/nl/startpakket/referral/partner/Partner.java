package nl.startpakket.referral.partner;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.startpakket.events.IntermediaryType;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A partner organisation that may refer parents: data, not code. Its API keys are kept only as
 * SHA-256 hashes with a key id; the key itself is shown once when it is issued.
 */
@Document(Partner.COLLECTION)
public class Partner {

    public static final String COLLECTION = "partners";

    @Id
    private String id;
    private String name;
    private IntermediaryType intermediaryType;
    private List<String> municipalities = new ArrayList<>();
    private boolean active;
    private List<ApiKey> apiKeys = new ArrayList<>();

    /** One key: its id (safe to show), the hash of the key, when issued and when revoked. */
    public record ApiKey(String keyId, String hash, Instant createdAt, Instant revokedAt) {

        public boolean isValid() {
            return revokedAt == null;
        }
    }

    public Partner() {
    }

    public Partner(String id, String name, IntermediaryType intermediaryType, List<String> municipalities, boolean active) {
        this.id = id;
        this.name = name;
        this.intermediaryType = intermediaryType;
        this.municipalities = new ArrayList<>(municipalities);
        this.active = active;
    }

    public boolean mayReferFor(String municipality) {
        return municipalities.contains(municipality);
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
}
