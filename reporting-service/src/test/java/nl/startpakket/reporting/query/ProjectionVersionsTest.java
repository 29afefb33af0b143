package nl.startpakket.reporting.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProjectionVersionsTest {

    private static MongoServer server;
    private static MongoClient client;

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void shouldStartWithVersionOneOfTheCurrentSchemaWhenNothingWasStored() {
        ProjectionVersions versions = new ProjectionVersions(client.getDatabase("versions-empty"));

        assertThat(versions.state()).isEqualTo(new ProjectionVersions.State(1, EvaluationProjection.SCHEMA, null));
        assertThat(versions.writable()).containsExactly(1);
        assertThat(versions.state().outdated()).isFalse();
    }

    @Test
    void shouldRecordTheCurrentSchemaOnAFirstStartWithNoFacts() {
        ProjectionVersions versions = new ProjectionVersions(client.getDatabase("versions-first-start"));

        versions.initialise(false);

        assertThat(versions.state()).isEqualTo(new ProjectionVersions.State(1, EvaluationProjection.SCHEMA, null));
        assertThat(versions.state().outdated()).isFalse();
    }

    @Test
    void shouldTakeFactsWithoutAStoredStateForSchemaOneSoTheyAreRebuilt() {
        // an installation of schema 1 that never rebuilt stored no state, only facts in version 1
        ProjectionVersions versions = new ProjectionVersions(client.getDatabase("versions-schema-one"));

        versions.initialise(true);

        assertThat(versions.state()).isEqualTo(new ProjectionVersions.State(1, 1, null));
        assertThat(versions.state().outdated()).isTrue();
    }

    @Test
    void shouldKeepAStoredStateWhenInitialisedAgain() {
        ProjectionVersions versions = new ProjectionVersions(client.getDatabase("versions-restart"));
        versions.save(versions.state().building(2));
        versions.save(versions.state().switched());

        versions.initialise(true);

        assertThat(versions.state()).isEqualTo(new ProjectionVersions.State(2, EvaluationProjection.SCHEMA, null));
    }

    @Test
    void shouldWriteLiveEventsIntoTheActiveAndTheBuildingVersionWhileARebuildRuns() {
        ProjectionVersions versions = new ProjectionVersions(client.getDatabase("versions-building"));

        versions.save(versions.state().building(2));

        assertThat(versions.writable()).isEqualTo(List.of(1, 2));
        assertThat(versions.active()).isEqualTo(1);
    }

    @Test
    void shouldServeTheBuiltVersionOnlyAfterTheSwitch() {
        ProjectionVersions versions = new ProjectionVersions(client.getDatabase("versions-switch"));
        versions.save(versions.state().building(2));

        versions.save(versions.state().switched());

        assertThat(versions.state()).isEqualTo(new ProjectionVersions.State(2, EvaluationProjection.SCHEMA, null));
        assertThat(versions.writable()).containsExactly(2);
    }

    @Test
    void shouldSeeItsOwnRebuildStartAtOnceAndAnotherInstancesWithinTheStaleness() {
        Duration staleness = Duration.ofMillis(300);
        ProjectionVersions here = new ProjectionVersions(client.getDatabase("versions-two-instances"), staleness);
        ProjectionVersions there = new ProjectionVersions(client.getDatabase("versions-two-instances"), staleness);
        assertThat(here.writable()).containsExactly(1);
        assertThat(there.writable()).containsExactly(1);

        here.save(here.state().building(2));

        assertThat(here.writable()).as("this instance's own change").isEqualTo(List.of(1, 2));
        assertThat(there.writable()).as("read less than the staleness ago").containsExactly(1);
        await().atMost(staleness.multipliedBy(3)).until(() -> there.writable().equals(List.of(1, 2)));
    }

    @Test
    void shouldBeOutdatedWhenBuiltWithAnOlderSchema() {
        assertThat(new ProjectionVersions.State(3, EvaluationProjection.SCHEMA - 1, null).outdated()).isTrue();
    }
}
