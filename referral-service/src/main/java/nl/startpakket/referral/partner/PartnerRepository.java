package nl.startpakket.referral.partner;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Reads of the partner directory; the indexes are made by {@link PartnerDirectoryProjection}. */
public interface PartnerRepository extends MongoRepository<PartnerView, String> {

    /** The partner owning a key: one query on the index {@code apiKeys.hash}. */
    Optional<PartnerView> findByApiKeysHash(String hash);

    /** The partner of a web form user: one query on the index {@code users.username}. */
    Optional<PartnerView> findByUsersUsername(String username);
}
