package nl.startpakket.referral.command.history;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import nl.startpakket.referral.api.history.CompleteHistoricImportCommand;
import nl.startpakket.referral.api.history.HistoricImportCompletedEvent;
import nl.startpakket.referral.api.history.HistoricImportStart;
import nl.startpakket.referral.api.history.HistoricImportStartedEvent;
import nl.startpakket.referral.api.history.StartHistoricImportCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The import of a file: once, whatever happens to it; the rows' rules are {@code HistoricReferralTest}'s. */
class HistoricImportTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:15:30Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Europe/Amsterdam"));
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String IMPORT = HistoricRowRules.importIdOf(SHA);

    FixtureConfiguration<HistoricImport> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(HistoricImport.class);
        fixture.registerInjectableResource(CLOCK);
    }

    @Test
    void shouldStartTheImportWhenTheFileIsNew() {
        fixture.givenNoPriorActivity()
                .when(new StartHistoricImportCommand(IMPORT, SHA, "heerlen-2019-2023.csv", 240, "coordinator"))
                .expectEvents(new HistoricImportStartedEvent(IMPORT, SHA, "heerlen-2019-2023.csv", 240, "coordinator", NOW))
                .expectResultMessagePayload(HistoricImportStart.STARTED);
    }

    @Test
    void shouldEmitNothingWhenTheSameFileWasImportedBefore() {
        fixture.given(new HistoricImportStartedEvent(IMPORT, SHA, "heerlen.csv", 240, "coordinator", NOW),
                        new HistoricImportCompletedEvent(IMPORT, 240, 0, NOW))
                .when(new StartHistoricImportCommand(IMPORT, SHA, "heerlen-again.csv", 240, "another-coordinator"))
                .expectNoEvents()
                .expectResultMessagePayload(HistoricImportStart.ALREADY_IMPORTED);
    }

    @Test
    void shouldResumeWhenTheImportOfTheFileStoppedHalfway() {
        fixture.given(new HistoricImportStartedEvent(IMPORT, SHA, "heerlen.csv", 240, "coordinator", NOW))
                .when(new StartHistoricImportCommand(IMPORT, SHA, "heerlen.csv", 240, "coordinator"))
                .expectNoEvents()
                .expectResultMessagePayload(HistoricImportStart.RESUMED);
    }

    @Test
    void shouldRefuseAnImportIdThatIsNotTheFilesHash() {
        fixture.givenNoPriorActivity()
                .when(new StartHistoricImportCommand("I-something-else", SHA, "heerlen.csv", 1, "coordinator"))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void shouldCompleteTheImportOnlyOnce() {
        fixture.given(new HistoricImportStartedEvent(IMPORT, SHA, "heerlen.csv", 240, "coordinator", NOW),
                        new HistoricImportCompletedEvent(IMPORT, 240, 0, NOW))
                .when(new CompleteHistoricImportCommand(IMPORT, 0, 240))
                .expectNoEvents();
    }
}
