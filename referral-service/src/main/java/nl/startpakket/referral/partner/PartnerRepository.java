package nl.startpakket.referral.partner;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface PartnerRepository extends MongoRepository<Partner, String> {

    Optional<Partner> findByApiKeysHash(String hash);
}
