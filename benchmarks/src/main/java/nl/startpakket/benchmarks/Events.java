package nl.startpakket.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.startpakket.events.CloudEventHeaders;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.EventCatalog;
import nl.startpakket.events.EventDescriptor;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import nl.startpakket.events.billing.v1.BillableLineRecorded;
import nl.startpakket.events.fulfilment.v1.PackageDelivered;
import nl.startpakket.events.fulfilment.v1.PackageHandedOver;
import nl.startpakket.events.fulfilment.v1.PackagePacked;
import nl.startpakket.events.fulfilment.v1.PackingJobQueued;
import nl.startpakket.events.fulfilment.v1.PackingStarted;
import nl.startpakket.events.funding.v1.FundingReserved;
import nl.startpakket.events.referral.v1.ReferralAccepted;
import nl.startpakket.events.referral.v1.ReferralSubmitted;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Integration events as the services put them on the wire: JSON like the platform's codec, a
 * CloudEvent in binary mode (the {@code ce_*} headers the publisher sets), key = subject.
 */
final class Events {

    static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Events() {
    }

    static byte[] encode(IntegrationEvent event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ProducerRecord<String, byte[]> record(IntegrationEvent event, String source) {
        EventDescriptor descriptor = EventCatalog.of(event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(descriptor.topic(), event.subject(), encode(event));
        header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        header(record, CloudEventHeaders.ID, event.eventId().toString());
        header(record, CloudEventHeaders.TYPE, descriptor.type());
        header(record, CloudEventHeaders.SOURCE, source);
        header(record, CloudEventHeaders.TIME, event.occurredAt().toString());
        header(record, CloudEventHeaders.SUBJECT, event.subject());
        header(record, CloudEventHeaders.SCHEMA_VERSION, Integer.toString(descriptor.version()));
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A typical accepted referral, the largest event the chain publishes to several consumers. */
    static ReferralAccepted sampleAccepted(String referralId) {
        return new ReferralAccepted(UUID.randomUUID(), Instant.now(), referralId, "gemeente-heerlen",
                IntermediaryType.MUNICIPALITY, "GM0917", Phase.BABY, LocalDate.now(), DeliveryMethod.HOME_DELIVERY, true, 24);
    }

    /** Size in bytes of a record (value + key + headers) of our typical event. */
    static int typicalRecordBytes() {
        ProducerRecord<String, byte[]> record = record(sampleAccepted("R-" + UUID.randomUUID()), "/startpakket/referral-service");
        int size = record.value().length + record.key().length();
        for (var header : record.headers()) {
            size += header.key().length() + header.value().length;
        }
        return size;
    }

    /**
     * The life of one delivered referral as reporting sees it on its four topics: nine events, each a
     * field-level upsert of the referral's facts.
     */
    static List<IntegrationEvent> lifeOf(String referralId, Instant at, LocalDate day) {
        String jobId = "J-" + referralId;
        List<IntegrationEvent> events = new ArrayList<>(9);
        events.add(new ReferralSubmitted(UUID.randomUUID(), at, referralId, "gemeente-heerlen", IntermediaryType.MUNICIPALITY,
                "GM0917", Phase.BABY, day));
        events.add(new ReferralAccepted(UUID.randomUUID(), at, referralId, "gemeente-heerlen", IntermediaryType.MUNICIPALITY,
                "GM0917", Phase.BABY, day, DeliveryMethod.HOME_DELIVERY, true, 24));
        events.add(new FundingReserved(UUID.randomUUID(), at, referralId, "heerlen-2026", "GM0917", Phase.BABY, day));
        events.add(new PackingJobQueued(UUID.randomUUID(), at, referralId, jobId, "GM0917", Phase.BABY, day.plusWeeks(12)));
        events.add(new PackingStarted(UUID.randomUUID(), at, referralId, jobId));
        events.add(new PackagePacked(UUID.randomUUID(), at, referralId, jobId, "GM0917", Phase.BABY, day.plusDays(1)));
        events.add(new PackageHandedOver(UUID.randomUUID(), at, referralId, jobId, "GM0917", Phase.BABY, day.plusDays(2),
                DeliveryMethod.HOME_DELIVERY, 80));
        events.add(new PackageDelivered(UUID.randomUUID(), at, referralId, jobId, "GM0917", Phase.BABY, day.plusDays(3)));
        events.add(new BillableLineRecorded(UUID.randomUUID(), at, "heerlen-2026", "GM0917", referralId, Phase.BABY,
                day.plusDays(3), new BigDecimal("50.00")));
        return events;
    }
}
