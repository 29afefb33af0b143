package nl.startpakket.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.startpakket.events.CloudEventHeaders;
import nl.startpakket.events.Phase;
import nl.startpakket.events.Topics;
import nl.startpakket.events.referral.v1.ReferralCancelled;
import nl.startpakket.platform.messaging.IntegrationEventPublisher;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.platform.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@ServiceIntegrationTest
class ReferralServiceIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    IntegrationEventPublisher publisher;

    @Test
    void startsAgainstTheSharedBrokerAndMongoServerAndReportsReady() {
        assertThat(http.getForObject("/actuator/health/readiness", String.class)).contains("UP");
    }

    @Test
    void publishesACloudEventKeyedByItsSubjectWithRawUtf8Headers() {
        String referralId = "R-" + UUID.randomUUID();
        publisher.publish(new ReferralCancelled(UUID.randomUUID(), Instant.now(), referralId, "GM0406", Phase.BABY,
                LocalDate.now(), "NO_LONGER_NEEDED"));

        ConsumerRecord<String, byte[]> record = TopicProbe.readAll(Topics.REFERRAL, Duration.ofSeconds(1)).stream()
                .filter(r -> referralId.equals(r.key()))
                .findFirst().orElseThrow();
        assertThat(new String(record.headers().lastHeader(CloudEventHeaders.TYPE).value(), StandardCharsets.UTF_8))
                .isEqualTo("referral.ReferralCancelled");
        assertThat(new String(record.headers().lastHeader(CloudEventHeaders.SUBJECT).value(), StandardCharsets.UTF_8))
                .isEqualTo(referralId);
        assertThat(TopicProbe.events(ReferralCancelled.class, java.util.List.of(record))).singleElement()
                .extracting(ReferralCancelled::referralId).isEqualTo(referralId);
    }
}
