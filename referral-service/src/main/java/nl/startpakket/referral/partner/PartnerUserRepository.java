package nl.startpakket.referral.partner;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface PartnerUserRepository extends MongoRepository<PartnerUser, String> {
}
