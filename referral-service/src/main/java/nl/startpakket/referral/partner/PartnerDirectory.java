package nl.startpakket.referral.partner;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The partners and their API keys as authentication reads them: the directory built from the
 * partners' events ({@link PartnerDirectoryProjection}). Authenticating a key is one indexed
 * lookup by its hash, so a key issued or revoked by the previous request counts at once.
 */
@Service
public class PartnerDirectory {

    private final PartnerRepository partners;
    private final PartnerLastUse lastUse;

    public PartnerDirectory(PartnerRepository partners, PartnerLastUse lastUse) {
        this.partners = partners;
        this.lastUse = lastUse;
    }

    /** The active partner owning this key, if the key is known and not revoked. */
    public Optional<PartnerPrincipal> authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(apiKey.trim());
        return partners.findByApiKeysHash(hash)
                .filter(PartnerView::isActive)
                .flatMap(partner -> partner.getApiKeys().stream()
                        .filter(key -> key.hash().equals(hash) && key.isValid())
                        .findFirst()
                        .map(key -> PartnerPrincipal.of(partner, key.keyId())));
    }

    /** Notes a successful use of the principal's key (written at most once a minute per key). */
    public void recordUse(PartnerPrincipal partner) {
        if (partner.keyId() != null) {
            lastUse.keyUsed(partner.partnerId(), partner.keyId());
        }
    }

    public Optional<PartnerView> find(String partnerId) {
        return partners.findById(partnerId);
    }

    /** The partner that has a web form user of this name. */
    public Optional<PartnerView> findByUsername(String username) {
        return partners.findByUsersUsername(username);
    }

    public List<PartnerView> all() {
        return partners.findAll();
    }
}
