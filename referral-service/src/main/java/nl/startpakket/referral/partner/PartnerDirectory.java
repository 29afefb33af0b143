package nl.startpakket.referral.partner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import nl.startpakket.events.IntermediaryType;
import org.springframework.stereotype.Service;

/**
 * The partners and their API keys. Keys are generated here, shown once and stored as SHA-256
 * hashes; authenticating a key is a lookup by its hash, so a revoked key is refused at once.
 */
@Service
public class PartnerDirectory {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PartnerRepository partners;
    private final Clock clock;

    public PartnerDirectory(PartnerRepository partners, Clock clock) {
        this.partners = partners;
        this.clock = clock;
    }

    /** The active partner owning this key, if the key is known and not revoked. */
    public Optional<PartnerPrincipal> authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        String hash = sha256(apiKey.trim());
        return partners.findByApiKeysHash(hash)
                .filter(Partner::isActive)
                .flatMap(partner -> partner.getApiKeys().stream()
                        .filter(key -> key.hash().equals(hash) && key.isValid())
                        .findFirst()
                        .map(key -> PartnerPrincipal.of(partner, key.keyId())));
    }

    public Optional<Partner> find(String partnerId) {
        return partners.findById(partnerId);
    }

    public List<Partner> all() {
        return partners.findAll();
    }

    /** Creates or updates a partner's terms; its keys stay as they are. */
    public Partner save(String partnerId, String name, IntermediaryType type, List<String> municipalities, boolean active) {
        Partner partner = partners.findById(partnerId).orElseGet(() -> new Partner(partnerId, name, type, municipalities, active));
        partner.setName(name);
        partner.setIntermediaryType(type);
        partner.setMunicipalities(List.copyOf(municipalities));
        partner.setActive(active);
        return partners.save(partner);
    }

    /** Generates a new key for the partner. The answer is the only time the key is visible. */
    public Optional<IssuedApiKey> issueKey(String partnerId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String keyId = newKeyId();
        String apiKey = "spk_" + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return addKey(partnerId, keyId, apiKey) ? Optional.of(new IssuedApiKey(partnerId, keyId, apiKey)) : Optional.empty();
    }

    /** Adds a known key (demo data); nothing happens when the partner already has a key with this id. */
    public boolean addKey(String partnerId, String keyId, String apiKey) {
        Optional<Partner> found = partners.findById(partnerId);
        if (found.isEmpty()) {
            return false;
        }
        Partner partner = found.get();
        if (partner.getApiKeys().stream().noneMatch(key -> key.keyId().equals(keyId))) {
            partner.getApiKeys().add(new Partner.ApiKey(keyId, sha256(apiKey), clock.instant(), null));
            partners.save(partner);
        }
        return true;
    }

    /** Revokes a key at once; false when the partner or key is unknown. */
    public boolean revokeKey(String partnerId, String keyId) {
        Optional<Partner> found = partners.findById(partnerId);
        if (found.isEmpty()) {
            return false;
        }
        Partner partner = found.get();
        boolean known = false;
        List<Partner.ApiKey> keys = new java.util.ArrayList<>();
        for (Partner.ApiKey key : partner.getApiKeys()) {
            if (key.keyId().equals(keyId)) {
                known = true;
                keys.add(key.isValid() ? new Partner.ApiKey(key.keyId(), key.hash(), key.createdAt(), clock.instant()) : key);
            } else {
                keys.add(key);
            }
        }
        if (known) {
            partner.setApiKeys(keys);
            partners.save(partner);
        }
        return known;
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String newKeyId() {
        byte[] id = new byte[6];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}
