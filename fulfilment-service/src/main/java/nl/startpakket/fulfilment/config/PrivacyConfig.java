package nl.startpakket.fulfilment.config;

import java.util.HashMap;
import java.util.Map;
import nl.startpakket.platform.privacy.DeliveryKeyTopic;
import nl.startpakket.platform.privacy.PrivacyConfiguration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Crypto-shredding: this service's key vault, and the consumer of the compacted delivery keys
 * topic (on the same brokers as the binder). A key that cannot be stored is retried with back-off
 * until it can: there is no dead-letter topic for keys, as a copy there would outlive an erasure.
 */
@Configuration(proxyBeanMethods = false)
@Import(PrivacyConfiguration.class)
@EnableKafka
public class PrivacyConfig {

    @Bean
    public ConcurrentKafkaListenerContainerFactory<String, byte[]> deliveryKeyListenerFactory(
            @Value("${spring.cloud.stream.kafka.binder.brokers:localhost:9092}") String brokers,
            @Value("${spring.cloud.stream.kafka.binder.replication-factor:1}") short replicationFactor) {
        DeliveryKeyTopic.ensureExists(brokers, 3, replicationFactor);
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "fulfilment-service.delivery-keys");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new ByteArrayDeserializer()));
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }
}
