package nl.startpakket.reporting.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One rebuild at a time across the instances of the service, and a rebuild whose instance stopped taken over. */
class RebuildRegisterTest {

    static final Duration LEASE = Duration.ofSeconds(60);
    static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    final RebuildRegister register = new RebuildRegister(InMemoryMongo.database("rebuild-" + UUID.randomUUID()));

    @Test
    void shouldGiveTheRebuildToOneOfTwoInstancesAskingAtOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (String instance : List.of("instance-a", "instance-b")) {
                claims.add(threads.submit(() -> register.claim(instance, 2, "requested", T0, LEASE)));
            }
            long won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
        assertThat(register.current().orElseThrow().state()).isEqualTo(RebuildRegister.RUNNING);
    }

    @Test
    void shouldShowEveryInstanceTheProgressTheRunningOneReported() {
        register.claim("instance-a", 2, "requested by coordinator", T0, LEASE);

        assertThat(register.progress("instance-a", 1_200, 3, T0.plusSeconds(5))).isTrue();

        RebuildRegister.Progress progress = register.current().orElseThrow();
        assertThat(progress.owner()).isEqualTo("instance-a");
        assertThat(progress.buildingVersion()).isEqualTo(2);
        assertThat(progress.eventsProjected()).isEqualTo(1_200);
        assertThat(progress.eventsSkipped()).isEqualTo(3);
        assertThat(progress.reason()).isEqualTo("requested by coordinator");
        assertThat(register.claim("instance-b", 3, "requested", T0.plusSeconds(30), LEASE)).as("the lease is alive").isFalse();
    }

    @Test
    void shouldLetAnotherInstanceTakeOverARebuildWhoseInstanceStoppedRenewingItsLease() {
        register.claim("instance-a", 2, "requested", T0, LEASE);
        register.progress("instance-a", 500, 0, T0.plusSeconds(10));

        assertThat(register.abandoned(T0.plusSeconds(60), LEASE)).isFalse();
        assertThat(register.abandoned(T0.plusSeconds(71), LEASE)).isTrue();
        assertThat(register.claim("instance-b", 3, "resumed", T0.plusSeconds(71), LEASE)).isTrue();

        assertThat(register.progress("instance-a", 600, 0, T0.plusSeconds(72))).as("the stopped instance's lease is gone").isFalse();
        assertThat(register.finish("instance-a", "SWITCHED", 600, 0, null, T0.plusSeconds(72))).isFalse();
        assertThat(register.current().orElseThrow().owner()).isEqualTo("instance-b");
        assertThat(register.current().orElseThrow().eventsProjected()).isZero();
    }

    @Test
    void shouldFreeTheRebuildWhenItsInstanceFinishes() {
        register.claim("instance-a", 2, "requested", T0, LEASE);

        assertThat(register.finish("instance-a", "SWITCHED", 900, 1, null, T0.plusSeconds(20))).isTrue();

        assertThat(register.current().orElseThrow().state()).isEqualTo("SWITCHED");
        assertThat(register.current().orElseThrow().finishedAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(register.claim("instance-b", 3, "requested", T0.plusSeconds(21), LEASE)).isTrue();
    }
}
