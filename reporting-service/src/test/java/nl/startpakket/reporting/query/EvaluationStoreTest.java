package nl.startpakket.reporting.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import nl.startpakket.events.billing.v1.ContractRegistered;
import nl.startpakket.events.fulfilment.v1.PackageDelivered;
import nl.startpakket.events.referral.v1.ReferralAccepted;
import nl.startpakket.events.referral.v1.ReferralSubmitted;
import nl.startpakket.municipalities.MunicipalityRegister;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facts recorded under a municipality code that later ceased count as its successor's when they
 * are read: Weesp's referrals of 2021 are Amsterdam's, in every report and in the list of
 * municipalities, while the stored facts keep the code they were recorded with.
 */
class EvaluationStoreTest {

    static final String WEESP = "GM0457";
    static final String AMSTERDAM = "GM0363";
    static final String HAAREN = "GM0788";
    static final ReportPeriod YEARS = new ReportPeriod(LocalDate.of(2021, 1, 1), LocalDate.of(2023, 12, 31));

    private MongoDatabase database;
    private EvaluationProjection projection;

    @TempDir
    Path newerEdition;

    @BeforeEach
    void history() {
        database = InMemoryMongo.database("store-" + UUID.randomUUID());
        projection = new EvaluationProjection(new EvaluationStore(database, MunicipalityRegister.shipped()));
        contract("weesp-2021", WEESP, "2021-01-01", "2021-12-31");
        delivered("R-weesp-1", WEESP, "2021-05-03", "2021-06-01");
        delivered("R-weesp-2", WEESP, "2021-09-13", "2021-10-04");
        contract("amsterdam-2023", AMSTERDAM, "2023-01-01", "2023-12-31");
        delivered("R-amsterdam-1", AMSTERDAM, "2023-03-01", "2023-03-20");
        delivered("R-haaren-1", HAAREN, "2020-11-02", "2020-11-30");
    }

    @Test
    void shouldReportFiguresRecordedUnderAMergedCodeUnderItsSuccessor() {
        MunicipalityFigures amsterdam = queries(MunicipalityRegister.shipped()).figures(AMSTERDAM, YEARS);

        assertThat(amsterdam.municipality()).isEqualTo(AMSTERDAM);
        assertThat(amsterdam.referrals().total()).isEqualTo(3);
        assertThat(amsterdam.deliveries().total()).isEqualTo(3);
        assertThat(queries(MunicipalityRegister.shipped()).contractsOf(AMSTERDAM))
                .extracting(ContractFacts::contractId).containsExactly("weesp-2021", "amsterdam-2023");
    }

    @Test
    void shouldListAMergedMunicipalityOnlyAsItsSuccessor() {
        assertThat(queries(MunicipalityRegister.shipped()).municipalities()).containsExactly(AMSTERDAM, HAAREN);
        assertThat(queries(MunicipalityRegister.shipped()).figures(WEESP, YEARS).referrals().total()).isZero();
    }

    @Test
    void shouldKeepFiguresOfASplitMunicipalityUnderItsOwnCode() {
        ReportPeriod period = new ReportPeriod(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31));

        assertThat(queries(MunicipalityRegister.shipped()).figures(HAAREN, period).referrals().total()).isEqualTo(1);
        assertThat(queries(MunicipalityRegister.shipped()).figures("GM0855", period).referrals().total()).isZero();
    }

    @Test
    void shouldRegroupTheStoredHistoryWhenANewerRegisterIsReadWithoutARebuild() throws IOException {
        Files.writeString(newerEdition.resolve("gemeenten.csv"),
                "# edition: 2030-01-01\ncode;name;since\nGM2030;Amstelland;2030-01-01\nGM0788;Haaren;\n");
        Files.writeString(newerEdition.resolve("herindelingen.csv"), "old code;old name;successor code;effective date\n"
                + "GM0457;Weesp;GM0363;2022-03-24\nGM0363;Amsterdam;GM2030;2030-01-01\n");
        ReportQueries newer = queries(MunicipalityRegister.fromDirectory(newerEdition));

        assertThat(newer.municipalities()).containsExactly(HAAREN, "GM2030");
        assertThat(newer.figures("GM2030", YEARS).referrals().total()).isEqualTo(3);
    }

    private ReportQueries queries(MunicipalityRegister register) {
        return new ReportQueries(new EvaluationStore(database, register), new ProjectionVersions(database),
                Clock.fixed(Instant.parse("2024-01-15T10:00:00Z"), ZoneId.of("Europe/Amsterdam")));
    }

    private void contract(String contractId, String municipality, String from, String to) {
        projection.project(new ContractRegistered(UUID.randomUUID(), at(from), contractId, municipality, LocalDate.parse(from),
                LocalDate.parse(to), new BigDecimal("50.00"), new BigDecimal("50.00"), null, null), 1);
    }

    private void delivered(String referralId, String municipality, String referred, String deliveredOn) {
        LocalDate on = LocalDate.parse(referred);
        projection.project(new ReferralSubmitted(UUID.randomUUID(), at(referred), referralId, "p", IntermediaryType.MIDWIFE,
                municipality, Phase.TODDLER, on), 1);
        projection.project(new ReferralAccepted(UUID.randomUUID(), at(referred).plusSeconds(1), referralId, "p",
                IntermediaryType.MIDWIFE, municipality, Phase.TODDLER, on, DeliveryMethod.HOME_DELIVERY, true, null), 1);
        projection.project(new PackageDelivered(UUID.randomUUID(), at(deliveredOn), referralId, "J-" + referralId, municipality,
                Phase.TODDLER, LocalDate.parse(deliveredOn)), 1);
    }

    private static Instant at(String date) {
        return LocalDate.parse(date).atTime(10, 0).atZone(ZoneId.of("Europe/Amsterdam")).toInstant();
    }
}
