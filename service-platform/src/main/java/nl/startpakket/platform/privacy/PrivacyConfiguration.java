package nl.startpakket.platform.privacy;

import com.mongodb.client.MongoClient;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Crypto-shredding for the services that hold personal data (referral, fulfilment); import it
 * from the service's own configuration. Secrets come from the environment:
 * {@code startpakket.privacy.vault-secret} (this service's master key, wraps the keys in its
 * vault) and {@code startpakket.privacy.transport-secret} (shared by referral and fulfilment,
 * wraps the data keys on the delivery keys topic).
 */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfiguration {

    @Bean
    public PersonalDataVault personalDataVault(MongoClient client, MongoProperties mongo, Clock clock,
                                               @Value("${startpakket.privacy.vault-secret}") String vaultSecret) {
        return new PersonalDataVault(client.getDatabase(mongo.getMongoClientDatabase()),
                PersonalDataCipher.deriveKey(vaultSecret, "startpakket-vault-master-key"), clock);
    }

    @Bean
    public DeliveryKeyTransport deliveryKeyTransport(@Value("${startpakket.privacy.transport-secret}") String transportSecret) {
        return new DeliveryKeyTransport(PersonalDataCipher.deriveKey(transportSecret, "startpakket-delivery-key-transport"));
    }
}
