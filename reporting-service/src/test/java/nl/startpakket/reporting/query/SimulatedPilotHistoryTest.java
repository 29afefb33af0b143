package nl.startpakket.reporting.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.LocalDate;
import nl.startpakket.municipalities.MunicipalityRegister;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SimulatedPilotHistoryTest {

    private static final LocalDate FROM = LocalDate.of(2024, 2, 1);
    private static final LocalDate TO = LocalDate.of(2025, 1, 31);
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
    void shouldGiveTheSameFiguresWhenSeededAgain() {
        EvaluationStore store = new EvaluationStore(client.getDatabase("simulated-twice"), MunicipalityRegister.shipped());
        SimulatedPilotHistory history = new SimulatedPilotHistory(new EvaluationProjection(store), store);

        history.seed(1);
        MunicipalityFigures once = figures(store);
        history.seed(1);

        assertThat(figures(store)).isEqualTo(once);
        assertThat(SimulatedPilotHistory.events()).isEqualTo(SimulatedPilotHistory.events());
    }

    @Test
    void shouldLookLikeAPilotThatReachesItsCapAndBeMarkedSimulated() {
        EvaluationStore store = new EvaluationStore(client.getDatabase("simulated-pilot"), MunicipalityRegister.shipped());
        new SimulatedPilotHistory(new EvaluationProjection(store), store).seed(1);

        MunicipalityFigures f = figures(store);
        EvaluationDetails d = DetailCalculator.calculate("GM0406", FROM, TO, LocalDate.of(2026, 11, 25),
                store.referralsOf(1, "GM0406"), store.contractsOf(1, "GM0406"), store.hasSimulated(1, "GM0406", FROM, TO));

        assertThat(f.referrals().total()).isEqualTo(135);
        assertThat(f.money().cap()).isEqualTo(125);
        assertThat(f.money().capUsed()).isBetween(120L, 125L);
        assertThat(d.outcomes().heldByReason()).containsKey("CAP_REACHED");
        assertThat(d.contracts()).singleElement().satisfies(c -> {
            assertThat(c.contractId()).isEqualTo(SimulatedPilotHistory.CONTRACT);
            assertThat(c.invoicedAmount()).isPositive();
        });
        assertThat(f.leadTimeDays().median()).isNotNull();
        assertThat(f.babyBeforeDueDate().share()).isNotNull();
        assertThat(d.simulated()).isTrue();
        assertThat(store.hasSimulated(1, "GM0406", LocalDate.of(2026, 2, 1), LocalDate.of(2027, 1, 31))).isFalse();
        assertThat(store.referralsOf(1, "GM0406")).allMatch(r -> r.referralId().startsWith("SIM-"));
    }

    private static MunicipalityFigures figures(EvaluationStore store) {
        return FigureCalculator.calculate("GM0406", FROM, TO, store.referralsOf(1, "GM0406"), store.contractsOf(1, "GM0406"));
    }
}
