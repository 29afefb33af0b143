package nl.startpakket.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventStoreWakeUpTest {

    final EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    final EventStoreWakeUp wakeUp = new EventStoreWakeUp();

    @AfterEach
    void stop() {
        wakeUp.stop();
        eventStore.shutDown();
    }

    @Test
    void shouldCallBackAStreamWaitingAtTheHeadWhenAnEventIsStored() throws Exception {
        publish("first");
        StreamableMessageSource<TrackedEventMessage<?>> source = wakeUp.wrap(eventStore);
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(source.createHeadToken())) {
            CountDownLatch woken = new CountDownLatch(1);
            assertThat(stream.setOnAvailableCallback(woken::countDown)).as("callbacks supported").isTrue();
            assertThat(stream.hasNextAvailable()).isFalse();

            publish("second");

            assertThat(woken.await(10, TimeUnit.SECONDS)).as("woken").isTrue();
            assertThat(stream.hasNextAvailable()).as("the event is there for the woken reader").isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("second");
        }
        assertThat(wakeUp.callbacks()).as("a closed stream is not called back").isZero();
    }

    @Test
    void shouldBeNeededBecauseTheEmbeddedStoresOwnStreamsOfferNoCallback() {
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            assertThat(stream.setOnAvailableCallback(() -> { })).isFalse();
        }
    }

    private void publish(String payload) {
        eventStore.publish(new GenericDomainEventMessage<>("Thing", payload, 0, payload));
    }
}
