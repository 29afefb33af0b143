package nl.startpakket.municipalities;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Dutch municipalities as reference data: the CBS list of one edition ("Gemeentelijke
 * indeling op 1 januari") and the reorganisations that retired older codes, read from two files.
 * <ul>
 *   <li>{@code gemeenten.csv}: {@code code;name;since}, with a {@code # edition: YYYY-MM-DD} line;</li>
 *   <li>{@code herindelingen.csv}: {@code old code;old name;successor code;effective date;split into},
 *       the successor {@code split} (and the receiving codes in the last field) for a municipality
 *       divided between several.</li>
 * </ul>
 * The files ship in this module; {@link #load()} reads a newer pair from a directory instead when
 * one is configured, so a new edition is a data update, not a release. Whatever is read is
 * checked as a whole before it is used ({@link InvalidRegisterException} naming file and line).
 * An instance never changes.
 */
public final class MunicipalityRegister {

    /** System property naming a directory whose two files replace the shipped ones. */
    public static final String DIRECTORY_PROPERTY = "startpakket.municipalities.dir";
    /** Environment variable naming that directory (when the system property is not set). */
    public static final String DIRECTORY_VARIABLE = "STARTPAKKET_MUNICIPALITIES_DIR";

    static final String MUNICIPALITIES_FILE = "gemeenten.csv";
    static final String REORGANISATIONS_FILE = "herindelingen.csv";
    static final String SPLIT = "split";
    private static final List<String> MUNICIPALITY_HEADERS = List.of("code;name;since", "code;name");
    private static final List<String> REORGANISATION_HEADERS = List.of(
            "old code;old name;successor code;effective date;split into", "old code;old name;successor code;effective date");
    /** What the CBS list sorts by: the name without a leading {@code 's-}, {@code De}, {@code Den} or {@code Het}. */
    private static final Pattern SORT_PREFIX = Pattern.compile("^('s-|(De|Den|Het) )");

    private final String source;
    private final LocalDate edition;
    private final Map<String, Municipality> current;
    private final List<Municipality> byName;
    private final Map<String, Reorganisation> reorganised;
    private final Map<String, List<String>> predecessors;

    private MunicipalityRegister(String source, LocalDate edition, Map<String, Municipality> current,
                                 Map<String, Reorganisation> reorganised) {
        this.source = source;
        this.edition = edition;
        this.current = Map.copyOf(current);
        this.reorganised = Map.copyOf(reorganised);
        Collator collator = Collator.getInstance(Locale.forLanguageTag("nl"));
        collator.setStrength(Collator.PRIMARY);
        this.byName = current.values().stream()
                .sorted(Comparator.comparing((Municipality m) -> SORT_PREFIX.matcher(m.name()).replaceFirst(""), collator)
                        .thenComparing(Municipality::code))
                .toList();
        Map<String, List<String>> before = new TreeMap<>();
        reorganised.keySet().stream().sorted().forEach(old ->
                successorOf(old).ifPresent(successor -> before.computeIfAbsent(successor.code(), c -> new ArrayList<>()).add(old)));
        this.predecessors = before.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    // ---- loading -------------------------------------------------------------------------------

    /**
     * The register to use: the files in the directory named by the system property
     * {@value #DIRECTORY_PROPERTY} or else the environment variable {@value #DIRECTORY_VARIABLE},
     * or the shipped edition when neither is set.
     */
    public static MunicipalityRegister load() {
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        if (directory == null || directory.isBlank()) {
            directory = System.getenv(DIRECTORY_VARIABLE);
        }
        return directory == null || directory.isBlank() ? shipped() : fromDirectory(Path.of(directory.strip()));
    }

    /** The edition shipped with this module (read once; an instance is immutable, so it is shared). */
    public static MunicipalityRegister shipped() {
        return Shipped.REGISTER;
    }

    /** The two files {@code gemeenten.csv} and {@code herindelingen.csv} in a directory: both must be there. */
    public static MunicipalityRegister fromDirectory(Path directory) {
        Path municipalities = directory.resolve(MUNICIPALITIES_FILE);
        Path reorganisations = directory.resolve(REORGANISATIONS_FILE);
        for (Path file : List.of(municipalities, reorganisations)) {
            if (!Files.isRegularFile(file)) {
                throw new InvalidRegisterException(directory.toAbsolutePath() + " must hold both " + MUNICIPALITIES_FILE
                        + " and " + REORGANISATIONS_FILE + "; " + file.getFileName() + " is missing");
            }
        }
        return of(directory.toAbsolutePath().toString(), file(municipalities), file(reorganisations));
    }

    private static RegisterFile file(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return RegisterFile.read(path.toAbsolutePath().toString(), in);
        } catch (IOException e) {
            throw new InvalidRegisterException(path.toAbsolutePath() + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static RegisterFile resource(String name) {
        String location = "classpath:" + MunicipalityRegister.class.getPackageName().replace('.', '/') + "/" + name;
        try (InputStream in = MunicipalityRegister.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new InvalidRegisterException(location + " is missing from the build");
            }
            return RegisterFile.read(location, in);
        } catch (IOException e) {
            throw new InvalidRegisterException(location + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static final class Shipped {
        static final MunicipalityRegister REGISTER = of("the shipped edition",
                resource(MUNICIPALITIES_FILE), resource(REORGANISATIONS_FILE));
    }

    private static MunicipalityRegister of(String source, RegisterFile municipalities, RegisterFile reorganisations) {
        RegisterFile.Row editionLine = municipalities.directive("edition")
                .orElseThrow(() -> municipalities.problem("no '# edition: YYYY-MM-DD' line naming the CBS edition"));
        LocalDate edition = municipalities.date(editionLine, 0, "edition");
        Map<String, Municipality> current = readMunicipalities(municipalities, edition);
        Map<String, Reorganisation> reorganised = readReorganisations(reorganisations, edition, current);
        return new MunicipalityRegister(source, edition, current, reorganised);
    }

    private static Map<String, Municipality> readMunicipalities(RegisterFile file, LocalDate edition) {
        Map<String, Municipality> byCode = new LinkedHashMap<>();
        Map<String, Integer> lineOfCode = new HashMap<>();
        Map<String, Integer> lineOfName = new HashMap<>();
        for (RegisterFile.Row row : file.rows(MUNICIPALITY_HEADERS, 2)) {
            String code = file.code(row, 0, "code");
            String name = file.name(row, 1, "name");
            LocalDate since = row.field(2).isEmpty() ? null : file.date(row, 2, "since");
            if (since != null && since.isAfter(edition)) {
                throw file.problem(row.line(), code + " is formed on " + since + ", after the edition " + edition);
            }
            Integer first = lineOfCode.putIfAbsent(code, row.line());
            if (first != null) {
                throw file.problem(row.line(), "duplicate code " + code + " (also on line " + first + ")");
            }
            first = lineOfName.putIfAbsent(name, row.line());
            if (first != null) {
                throw file.problem(row.line(), "duplicate name " + name + " (also on line " + first + ")");
            }
            byCode.put(code, new Municipality(code, name, since));
        }
        if (byCode.isEmpty()) {
            throw file.problem("no municipalities");
        }
        return byCode;
    }

    private static Map<String, Reorganisation> readReorganisations(RegisterFile file, LocalDate edition,
                                                                   Map<String, Municipality> current) {
        Map<String, Reorganisation> byCode = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (RegisterFile.Row row : file.rows(REORGANISATION_HEADERS, 4)) {
            String oldCode = file.code(row, 0, "old code");
            String oldName = file.name(row, 1, "old name");
            LocalDate effective = file.date(row, 3, "effective date");
            if (effective.isAfter(edition)) {
                throw file.problem(row.line(), oldCode + " ceases on " + effective + ", after the edition " + edition
                        + " of " + MUNICIPALITIES_FILE);
            }
            if (current.containsKey(oldCode)) {
                throw file.problem(row.line(), oldCode + " " + oldName + " ceased, yet " + MUNICIPALITIES_FILE
                        + " lists it as current");
            }
            Integer first = lineOf.putIfAbsent(oldCode, row.line());
            if (first != null) {
                throw file.problem(row.line(), "duplicate old code " + oldCode + " (also on line " + first + ")");
            }
            byCode.put(oldCode, reorganisation(file, row, oldCode, oldName, effective));
        }
        byCode.values().forEach(r -> checkSuccessors(file, lineOf, byCode, current, r));
        return byCode;
    }

    private static Reorganisation reorganisation(RegisterFile file, RegisterFile.Row row, String oldCode, String oldName,
                                                 LocalDate effective) {
        if (SPLIT.equalsIgnoreCase(row.field(2))) {
            if (row.field(4).isEmpty()) {
                throw file.problem(row.line(), "a split names the municipalities that received a part in 'split into'");
            }
            List<String> parts = Arrays.stream(row.field(4).split(",")).map(String::strip).toList();
            for (String part : parts) {
                if (!RegisterFile.CODE.matcher(part).matches()) {
                    throw file.problem(row.line(), "split into '" + part + "' is not a CBS code (GM and four digits)");
                }
            }
            return Reorganisation.split(oldCode, oldName, parts, effective);
        }
        String successor = file.code(row, 2, "successor code");
        if (!row.field(4).isEmpty()) {
            throw file.problem(row.line(), "'split into' is only for a split; " + oldCode + " has the one successor " + successor);
        }
        return Reorganisation.merger(oldCode, oldName, successor, effective);
    }

    /** Each successor is current, or ceased itself later (a chain that ends in a current municipality). */
    private static void checkSuccessors(RegisterFile file, Map<String, Integer> lineOf, Map<String, Reorganisation> reorganised,
                                        Map<String, Municipality> current, Reorganisation reorganisation) {
        List<String> successors = reorganisation.successor().map(List::of).orElse(reorganisation.splitInto());
        for (String successor : successors) {
            if (current.containsKey(successor)) {
                continue;
            }
            Reorganisation later = reorganised.get(successor);
            int line = lineOf.get(reorganisation.oldCode());
            if (later == null) {
                throw file.problem(line, "successor " + successor + " of " + reorganisation.oldCode()
                        + " is not a current municipality in " + MUNICIPALITIES_FILE);
            }
            if (!later.effective().isAfter(reorganisation.effective())) {
                throw file.problem(line, "successor " + successor + " of " + reorganisation.oldCode() + " ceased on "
                        + later.effective() + ", not after " + reorganisation.effective());
            }
        }
    }

    // ---- questions -----------------------------------------------------------------------------

    /** The current municipality with this code. */
    public Optional<Municipality> find(String code) {
        return Optional.ofNullable(code == null ? null : current.get(code));
    }

    /** Whether the code is a municipality in this edition (not one that ceased, not an unknown code). */
    public boolean isCurrent(String code) {
        return code != null && current.containsKey(code);
    }

    /** What became of a municipality that ceased; empty for a current or unknown code. */
    public Optional<Reorganisation> reorganisationOf(String oldCode) {
        return Optional.ofNullable(oldCode == null ? null : reorganised.get(oldCode));
    }

    /**
     * The current municipality a retired code became part of, following later reorganisations
     * (A became part of B, B later of C: C). Empty for a current or unknown code, and for a
     * municipality that was split: its territory has no single successor.
     */
    public Optional<Municipality> successorOf(String oldCode) {
        Reorganisation step = oldCode == null ? null : reorganised.get(oldCode);
        while (step != null && !step.isSplit()) {
            Municipality successor = current.get(step.successorCode());
            if (successor != null) {
                return Optional.of(successor);
            }
            step = reorganised.get(step.successorCode());
        }
        return Optional.empty();
    }

    /**
     * The code under which what was recorded for {@code code} counts today: the code itself when
     * current, its successor when it became part of one, and the code itself when it was split or
     * is unknown (nothing can be attributed).
     */
    public String currentCodeFor(String code) {
        return isCurrent(code) ? code : successorOf(code).map(Municipality::code).orElse(code);
    }

    /** The retired codes that became part of this current municipality (directly or through a chain), sorted. */
    public List<String> predecessorsOf(String code) {
        return code == null ? List.of() : predecessors.getOrDefault(code, List.of());
    }

    /** The official name: of a current municipality, or the historical name of one that ceased. */
    public Optional<String> nameOf(String code) {
        return find(code).map(Municipality::name).or(() -> reorganisationOf(code).map(Reorganisation::oldName));
    }

    /** The name as {@link #nameOf(String)}, or the code itself when it is unknown (for display). */
    public String nameOrCode(String code) {
        return nameOf(code).orElse(code);
    }

    /** For pages and documents: the name with the code, {@code Huizen (GM0406)}; an unknown code alone. */
    public String nameWithCode(String code) {
        return nameOf(code).map(name -> name + " (" + code + ")").orElse(code);
    }

    /**
     * Why a code is not a current municipality, in English, or empty when it is one; e.g.
     * "GM0398 Heerhugowaard became part of GM1980 Dijk en Waard on 2022-01-01."
     */
    public Optional<String> whyNotCurrent(String code) {
        if (isCurrent(code)) {
            return Optional.empty();
        }
        Optional<Reorganisation> reorganisation = reorganisationOf(code);
        if (reorganisation.isEmpty()) {
            return Optional.of(code + " is not a municipality in the CBS list of " + edition + ".");
        }
        Reorganisation r = reorganisation.get();
        Optional<Municipality> successor = successorOf(code);
        if (successor.isPresent()) {
            return Optional.of(code + " " + r.oldName() + " became part of " + successor.get().label() + " on "
                    + r.effective() + ".");
        }
        return Optional.of(code + " " + r.oldName() + " was split on " + r.effective() + " between "
                + r.splitInto().stream().map(this::labelOf).collect(Collectors.joining(", ")) + ".");
    }

    private String labelOf(String code) {
        return code + " " + nameOrCode(code);
    }

    /** Every current municipality, by name as the CBS list sorts it ({@code 's-Gravenhage} under G, {@code De Bilt} under B). */
    public List<Municipality> all() {
        return byName;
    }

    /** Every recorded reorganisation, by date and old code. */
    public List<Reorganisation> reorganisations() {
        return reorganised.values().stream()
                .sorted(Comparator.comparing(Reorganisation::effective).thenComparing(Reorganisation::oldCode))
                .toList();
    }

    /** The day of the CBS edition: the list as in force from that day ({@code 2023-01-01}). */
    public LocalDate edition() {
        return edition;
    }

    /** The year of the CBS edition. */
    public int year() {
        return edition.getYear();
    }

    /** Where the files were read from: a directory, or the shipped edition. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "MunicipalityRegister[" + current.size() + " municipalities, edition " + edition + ", "
                + reorganised.size() + " reorganisations, from " + source + "]";
    }
}
