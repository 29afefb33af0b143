package nl.startpakket.platform.privacy;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import nl.startpakket.events.Topics;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery keys topic is compacted (the latest value per referral is the state; a tombstone
 * deletes it). Compaction is tuned so an erased key leaves the log soon: small segments rolled
 * hourly, any dirty share cleans, tombstones kept for a week so a consumer that was away still
 * sees the erasure (the {@code referral.PersonalDataErased} event on the referral topic is the
 * second way it learns of it). Whoever starts first creates the topic with these settings.
 */
public final class DeliveryKeyTopic {

    private static final Logger log = LoggerFactory.getLogger(DeliveryKeyTopic.class);

    public static final Map<String, String> CONFIG = Map.of(
            "cleanup.policy", "compact",
            "min.cleanable.dirty.ratio", "0.01",
            "segment.ms", "3600000",
            "max.compaction.lag.ms", "3600000",
            "delete.retention.ms", "604800000");

    private DeliveryKeyTopic() {
    }

    public static void ensureExists(String bootstrapServers, int partitions, short replicationFactor) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (AdminClient admin = AdminClient.create(props)) {
            if (admin.listTopics().names().get(15, TimeUnit.SECONDS).contains(Topics.DELIVERY_KEYS)) {
                return;
            }
            admin.createTopics(List.of(new NewTopic(Topics.DELIVERY_KEYS, partitions, replicationFactor).configs(CONFIG)))
                    .all().get(15, TimeUnit.SECONDS);
            log.info("Created the compacted topic {}", Topics.DELIVERY_KEYS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                log.warn("Could not create {}: {}", Topics.DELIVERY_KEYS, e.getCause().getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Could not create {}: {}", Topics.DELIVERY_KEYS, e.getMessage());
        }
    }
}
