package nl.startpakket.municipalities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MunicipalityRegisterTest {

    static final String HEADER = "# edition: 2025-01-01\ncode;name;since\n";
    static final String REORGANISATIONS_HEADER = "old code;old name;successor code;effective date;split into\n";

    final MunicipalityRegister register = MunicipalityRegister.shipped();

    @TempDir
    Path directory;

    @Test
    void shouldHoldThe342MunicipalitiesOfThe2023Edition() {
        assertThat(register.all()).hasSize(342);
        assertThat(register.edition()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(register.year()).isEqualTo(2023);
        assertThat(register.all()).extracting(Municipality::code).doesNotHaveDuplicates().allMatch(c -> c.matches("GM\\d{4}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "GM0406;Huizen", "GM0917;Heerlen", "GM0344;Utrecht", "GM0518;'s-Gravenhage", "GM1992;Voorne aan Zee",
            "GM0373;Bergen (NH.)", "GM0893;Bergen (L.)", "GM1900;Súdwest-Fryslân", "GM0796;'s-Hertogenbosch"})
    void shouldKnowEachCurrentMunicipalityByItsOfficialName(String code, String name) {
        assertThat(register.isCurrent(code)).isTrue();
        assertThat(register.find(code)).hasValueSatisfying(m -> assertThat(m.name()).isEqualTo(name));
        assertThat(register.nameOf(code)).hasValue(name);
        assertThat(register.nameWithCode(code)).isEqualTo(name + " (" + code + ")");
        assertThat(register.currentCodeFor(code)).isEqualTo(code);
        assertThat(register.successorOf(code)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "GM0398;Heerhugowaard;GM1980;Dijk en Waard;2022-01-01",
            "GM0416;Langedijk;GM1980;Dijk en Waard;2022-01-01",
            "GM0501;Brielle;GM1992;Voorne aan Zee;2023-01-01",
            "GM0003;Appingedam;GM1979;Eemsdelta;2021-01-01",
            "GM0457;Weesp;GM0363;Amsterdam;2022-03-24",
            "GM0370;Beemster;GM0439;Purmerend;2022-01-01",
            "GM1702;Sint Anthonis;GM1982;Land van Cuijk;2022-01-01",
            "GM0856;Uden;GM1991;Maashorst;2022-01-01",
            "GM0017;Haren;GM0014;Groningen;2019-01-01",
            "GM0393;Haarlemmerliede en Spaarnwoude;GM0394;Haarlemmermeer;2019-01-01",
            "GM1927;Molenwaard;GM1978;Molenlanden;2019-01-01"})
    void shouldMapAMergedCodeToItsSuccessorAndKeepItsHistoricalName(String oldCode, String oldName, String successor,
                                                                     String successorName, LocalDate effective) {
        assertThat(register.isCurrent(oldCode)).isFalse();
        assertThat(register.find(oldCode)).isEmpty();
        assertThat(register.nameOf(oldCode)).hasValue(oldName);
        assertThat(register.nameWithCode(oldCode)).isEqualTo(oldName + " (" + oldCode + ")");
        assertThat(register.successorOf(oldCode)).hasValue(register.find(successor).orElseThrow());
        assertThat(register.currentCodeFor(oldCode)).isEqualTo(successor);
        assertThat(register.predecessorsOf(successor)).contains(oldCode);
        assertThat(register.reorganisationOf(oldCode)).hasValueSatisfying(r -> {
            assertThat(r.effective()).isEqualTo(effective);
            assertThat(r.isSplit()).isFalse();
        });
        assertThat(register.whyNotCurrent(oldCode)).hasValue(
                oldCode + " " + oldName + " became part of " + successor + " " + successorName + " on " + effective + ".");
    }

    @Test
    void shouldGiveASplitMunicipalityNoSingleSuccessor() {
        assertThat(register.isCurrent("GM0788")).isFalse();
        assertThat(register.nameOf("GM0788")).hasValue("Haaren");
        assertThat(register.successorOf("GM0788")).isEmpty();
        assertThat(register.currentCodeFor("GM0788")).isEqualTo("GM0788");
        assertThat(register.reorganisationOf("GM0788")).hasValueSatisfying(r -> {
            assertThat(r.isSplit()).isTrue();
            assertThat(r.successor()).isEmpty();
            assertThat(r.splitInto()).containsExactly("GM0757", "GM0824", "GM0855", "GM0865");
            assertThat(r.effective()).isEqualTo(LocalDate.of(2021, 1, 1));
        });
        assertThat(register.whyNotCurrent("GM0788")).hasValue(
                "GM0788 Haaren was split on 2021-01-01 between GM0757 Boxtel, GM0824 Oisterwijk, GM0855 Tilburg, GM0865 Vught.");
    }

    @Test
    void shouldKnowNothingOfAnUnknownCode() {
        assertThat(register.find("GM9999")).isEmpty();
        assertThat(register.isCurrent("GM9999")).isFalse();
        assertThat(register.isCurrent(null)).isFalse();
        assertThat(register.nameOf("GM9999")).isEmpty();
        assertThat(register.nameOrCode("GM9999")).isEqualTo("GM9999");
        assertThat(register.nameWithCode("GM9999")).isEqualTo("GM9999");
        assertThat(register.successorOf("GM9999")).isEmpty();
        assertThat(register.currentCodeFor("GM9999")).isEqualTo("GM9999");
        assertThat(register.whyNotCurrent("GM9999")).hasValue("GM9999 is not a municipality in the CBS list of 2023-01-01.");
    }

    @Test
    void shouldListTheCodesThatBecamePartOfAMunicipality() {
        assertThat(register.predecessorsOf("GM1980")).containsExactly("GM0398", "GM0416");
        assertThat(register.predecessorsOf("GM1982")).containsExactly("GM0756", "GM0786", "GM0815", "GM1684", "GM1702");
        assertThat(register.predecessorsOf("GM0363")).containsExactly("GM0457");
        assertThat(register.predecessorsOf("GM0406")).isEmpty();
    }

    @Test
    void shouldRecordTheDayAMunicipalityFormedByAReorganisationBegan() {
        assertThat(register.find("GM1992").orElseThrow().since()).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(register.find("GM1980").orElseThrow().since()).isEqualTo(LocalDate.of(2022, 1, 1));
        assertThat(register.find("GM0406").orElseThrow().since()).isNull();
    }

    @Test
    void shouldSortByNameAsTheCbsListDoes() {
        List<String> names = register.all().stream().map(Municipality::name).toList();
        assertThat(names.get(0)).isEqualTo("Aa en Hunze");
        assertThat(names.get(names.size() - 1)).isEqualTo("Zwolle");
        assertThat(names.indexOf("'s-Gravenhage")).isEqualTo(names.indexOf("Gouda") + 1);
        assertThat(names.indexOf("De Bilt")).isEqualTo(names.indexOf("Beverwijk") + 1);
        assertThat(names.indexOf("Den Helder")).isEqualTo(names.indexOf("Heiloo") + 1);
    }

    @Test
    void shouldListEveryReorganisationSince2019InDateOrder() {
        assertThat(register.reorganisations()).hasSize(54);
        assertThat(register.reorganisations().get(0).effective()).isEqualTo(LocalDate.of(2019, 1, 1));
        assertThat(register.reorganisations()).extracting(Reorganisation::effective).isSorted();
        assertThat(register.reorganisations()).filteredOn(Reorganisation::isSplit).extracting(Reorganisation::oldCode)
                .containsExactly("GM0788");
    }

    @Test
    void shouldReadANewerEditionFromADirectoryInsteadOfTheShippedOne() throws IOException {
        write(HEADER + "GM0406;Huizen;\nGM0917;Heerlen;\nGM2001;Nieuwe Gemeente;2025-01-01\n",
                REORGANISATIONS_HEADER + "GM0344;Utrecht;GM2001;2025-01-01;\n");

        MunicipalityRegister newer = MunicipalityRegister.fromDirectory(directory);

        assertThat(newer.edition()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(newer.all()).extracting(Municipality::code).containsExactly("GM0917", "GM0406", "GM2001");
        assertThat(newer.successorOf("GM0344")).hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("Nieuwe Gemeente"));
        assertThat(newer.source()).isEqualTo(directory.toAbsolutePath().toString());
    }

    @Test
    void shouldReadTheDirectoryNamedByTheSystemProperty() throws IOException {
        write(HEADER + "GM0406;Huizen\n", "old code;old name;successor code;effective date\n");
        System.setProperty(MunicipalityRegister.DIRECTORY_PROPERTY, directory.toString());
        try {
            assertThat(MunicipalityRegister.load().all()).extracting(Municipality::code).containsExactly("GM0406");
        } finally {
            System.clearProperty(MunicipalityRegister.DIRECTORY_PROPERTY);
        }
        assertThat(MunicipalityRegister.load().all()).hasSize(342);
    }

    @Test
    void shouldFollowAChainOfReorganisationsToTheCurrentMunicipality() throws IOException {
        write(HEADER + "GM0003;C;2024-01-01\n",
                REORGANISATIONS_HEADER + "GM0001;A;GM0002;2020-01-01;\nGM0002;B;GM0003;2024-01-01;\n");

        MunicipalityRegister chained = MunicipalityRegister.fromDirectory(directory);

        assertThat(chained.successorOf("GM0001")).hasValueSatisfying(m -> assertThat(m.code()).isEqualTo("GM0003"));
        assertThat(chained.nameOf("GM0001")).hasValue("A");
        assertThat(chained.predecessorsOf("GM0003")).containsExactly("GM0001", "GM0002");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "GM0406;Huizen;\\nGM0406;Huizen2;|                    | gemeenten.csv line 4: duplicate code GM0406 (also on line 3)",
            "GM0406;Huizen;\\nGM0917;Huizen;|                     | gemeenten.csv line 4: duplicate name Huizen (also on line 3)",
            "G0406;Huizen;|                                       | gemeenten.csv line 3: code 'G0406' is not a CBS code",
            "GM0406;;|                                            | gemeenten.csv line 3: name is empty",
            "GM0406;Huizen;1-2-2020|                              | gemeenten.csv line 3: since '1-2-2020' is not a date",
            "GM0406;Huizen;2026-01-01|                            | gemeenten.csv line 3: GM0406 is formed on 2026-01-01, after the edition",
            "GM0406;Huizen;;extra|                                | gemeenten.csv line 3: expected 2 to 3 fields",
            "GM0406;Huizen;|GM0398;Heerhugowaard;GM1980;2022-01-01;| herindelingen.csv line 2: successor GM1980 of GM0398 is not a current municipality",
            "GM0406;Huizen;|GM0406;Huizen;GM0406;2022-01-01;      | herindelingen.csv line 2: GM0406 Huizen ceased, yet gemeenten.csv lists it as current",
            "GM0406;Huizen;|GM0398;Heerhugowaard;GM0406;2022-01-01;\\nGM0398;H;GM0406;2022-01-01;| herindelingen.csv line 3: duplicate old code GM0398",
            "GM0406;Huizen;|GM0398;Heerhugowaard;GM0406;2022;     | herindelingen.csv line 2: effective date '2022' is not a date",
            "GM0406;Huizen;|GM0398;Heerhugowaard;GM0406;2030-01-01;| herindelingen.csv line 2: GM0398 ceases on 2030-01-01, after the edition",
            "GM0406;Huizen;|GM0788;Haaren;split;2021-01-01;       | herindelingen.csv line 2: a split names the municipalities",
            "GM0406;Huizen;|GM0788;Haaren;GM0406;2021-01-01;GM0406| herindelingen.csv line 2: 'split into' is only for a split",
            "GM0406;Huizen;|GM0788;Haaren;split;2021-01-01;GM0757| herindelingen.csv line 2: successor GM0757 of GM0788 is not a current municipality",
            "GM0406;Huizen;|GM0001;A;GM0002;2021-01-01;\\nGM0002;B;GM0001;2021-01-01;| herindelingen.csv line 2: successor GM0002 of GM0001 ceased on 2021-01-01, not after 2021-01-01"})
    void shouldRefuseABrokenFileNamingTheLine(String municipalities, String reorganisations, String message) throws IOException {
        write(HEADER + municipalities.replace("\\n", "\n") + "\n",
                REORGANISATIONS_HEADER + (reorganisations == null ? "" : reorganisations.replace("\\n", "\n") + "\n"));

        assertThatThrownBy(() -> MunicipalityRegister.fromDirectory(directory))
                .isInstanceOf(InvalidRegisterException.class)
                .hasMessageStartingWith(directory.toAbsolutePath().resolve(message.substring(0, message.indexOf(' '))).toString())
                .hasMessageContaining(message.substring(message.indexOf(' ') + 1));
    }

    @Test
    void shouldRefuseAFileWithoutItsEditionOrHeader() throws IOException {
        write("code;name;since\nGM0406;Huizen;\n", REORGANISATIONS_HEADER);
        assertThatThrownBy(() -> MunicipalityRegister.fromDirectory(directory))
                .hasMessageContaining("gemeenten.csv: no '# edition: YYYY-MM-DD' line");

        write("# edition: 2025-01-01\nGM0406;Huizen;\n", REORGANISATIONS_HEADER);
        assertThatThrownBy(() -> MunicipalityRegister.fromDirectory(directory))
                .hasMessageContaining("gemeenten.csv line 2: the header must be 'code;name;since', found 'GM0406;Huizen;'");
    }

    @Test
    void shouldRefuseAFileThatIsNotUtf8() throws IOException {
        write(HEADER, REORGANISATIONS_HEADER);
        Files.write(directory.resolve("gemeenten.csv"),
                (HEADER + "GM0406;Huizen;\nGM1900;Súdwest-Fryslân;\n").getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> MunicipalityRegister.fromDirectory(directory))
                .isInstanceOf(InvalidRegisterException.class)
                .hasMessageContaining("gemeenten.csv line 4: not UTF-8 text");
    }

    @Test
    void shouldRefuseADirectoryWithoutBothFiles() throws IOException {
        Files.writeString(directory.resolve("gemeenten.csv"), HEADER + "GM0406;Huizen;\n");

        assertThatThrownBy(() -> MunicipalityRegister.fromDirectory(directory))
                .isInstanceOf(InvalidRegisterException.class)
                .hasMessageContaining("must hold both gemeenten.csv and herindelingen.csv; herindelingen.csv is missing");
    }

    @Test
    void shouldAcceptAFileSavedWithAByteOrderMark() throws IOException {
        write("\uFEFF" + HEADER + "GM0406;Huizen;\n", REORGANISATIONS_HEADER);

        assertThat(MunicipalityRegister.fromDirectory(directory).isCurrent("GM0406")).isTrue();
    }

    private void write(String municipalities, String reorganisations) throws IOException {
        Files.writeString(directory.resolve("gemeenten.csv"), municipalities);
        Files.writeString(directory.resolve("herindelingen.csv"), reorganisations);
    }
}
