package nl.startpakket.referral.history;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import nl.startpakket.municipalities.Municipality;
import nl.startpakket.municipalities.MunicipalityRegister;
import nl.startpakket.municipalities.Reorganisation;
import nl.startpakket.referral.api.history.HistoricRow;
import nl.startpakket.referral.command.history.HistoricRowRules;

/**
 * The dry run of a history file: every data row read against the rules (the municipality
 * register, the phases and intermediary types, the dates, invoiced yes or no) into an accepted
 * row with its referral id, or a refusal with the row's number and the reason. Pure: the same
 * file on the same day gives the same check.
 *
 * @param rows           the data rows of the file (blank rows aside)
 * @param ignoredColumns headers of the columns that were not read (personal data among them, never read)
 * @param years          accepted rows per year of their referral date
 */
public record HistoryCheck(String fileName, String fileSha256, String importId, int rows, List<AcceptedRow> accepted,
                           List<Refusal> refused, List<String> ignoredColumns, Map<String, Integer> municipalities,
                           Map<Integer, Integer> years) implements Serializable {

    /** A row that can be imported, as the referral it becomes. */
    public record AcceptedRow(int row, String referralId, HistoricRow content) implements Serializable {
    }

    /** A row that cannot: its number as the spreadsheet shows it (the header is row 1) and why. */
    public record Refusal(int row, String reason) implements Serializable {
    }

    private static final Pattern CODE = Pattern.compile("(?i)(GM)?\\s*(\\d{1,4})");
    private static final Pattern SERIAL_DAY = Pattern.compile("\\d{5}(\\.0+)?");
    /** Day 0 of a spreadsheet's serial dates (1900 system, after Excel's leap-year quirk). */
    private static final LocalDate SERIAL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final List<DateTimeFormatter> DATES = List.of("uuuu-MM-dd", "d-M-uuuu", "d/M/uuuu", "d.M.uuuu").stream()
            .map(p -> DateTimeFormatter.ofPattern(p, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT)).toList();

    private static final Map<String, Phase> PHASES = Map.of("baby", Phase.BABY, "babypakket", Phase.BABY,
            "toddler", Phase.TODDLER, "peuter", Phase.TODDLER, "peuterpakket", Phase.TODDLER, "dreumes", Phase.TODDLER,
            "dreumespakket", Phase.TODDLER);
    private static final Map<String, IntermediaryType> TYPES = Map.ofEntries(
            Map.entry("municipality", IntermediaryType.MUNICIPALITY), Map.entry("gemeente", IntermediaryType.MUNICIPALITY),
            Map.entry("midwife", IntermediaryType.MIDWIFE), Map.entry("verloskundige", IntermediaryType.MIDWIFE),
            Map.entry("verloskundigenpraktijk", IntermediaryType.MIDWIFE), Map.entry("kraamzorg", IntermediaryType.MIDWIFE),
            Map.entry("consultation bureau", IntermediaryType.CONSULTATION_BUREAU),
            Map.entry("consultationbureau", IntermediaryType.CONSULTATION_BUREAU),
            Map.entry("consultatiebureau", IntermediaryType.CONSULTATION_BUREAU), Map.entry("jgz", IntermediaryType.CONSULTATION_BUREAU),
            Map.entry("social care", IntermediaryType.SOCIAL_CARE), Map.entry("socialcare", IntermediaryType.SOCIAL_CARE),
            Map.entry("sociaal domein", IntermediaryType.SOCIAL_CARE), Map.entry("maatschappelijk werk", IntermediaryType.SOCIAL_CARE),
            Map.entry("wijkteam", IntermediaryType.SOCIAL_CARE), Map.entry("sociaal wijkteam", IntermediaryType.SOCIAL_CARE),
            Map.entry("other", IntermediaryType.OTHER), Map.entry("overig", IntermediaryType.OTHER),
            Map.entry("anders", IntermediaryType.OTHER));
    private static final Set<String> YES = Set.of("ja", "j", "yes", "y", "true", "waar", "1", "x");
    private static final Set<String> NO = Set.of("nee", "n", "no", "false", "onwaar", "0");

    /** Reads and checks a file; {@link UnreadableHistoryFileException} when it is no spreadsheet or lacks a required column. */
    public static HistoryCheck of(String fileName, byte[] content, MunicipalityRegister register, LocalDate today) {
        Map<HistoryColumn, Integer> positions = new EnumMap<>(HistoryColumn.class);
        List<String> ignored = new ArrayList<>();
        HistoryFile file = HistoryFile.read(content, headers -> {
            for (int i = 0; i < headers.size(); i++) {
                String header = headers.get(i) == null ? "" : headers.get(i).strip();
                Optional<HistoryColumn> column = HistoryColumn.isPersonal(header) ? Optional.empty() : HistoryColumn.of(header);
                if (column.isPresent() && !positions.containsKey(column.get())) {
                    positions.put(column.get(), i);
                } else if (!header.isEmpty()) {
                    ignored.add(header);
                }
            }
            return positions::containsValue;
        });
        List<String> missing = java.util.Arrays.stream(HistoryColumn.values())
                .filter(c -> c.required() && !positions.containsKey(c)).map(HistoryColumn::header).toList();
        if (!missing.isEmpty()) {
            throw new UnreadableHistoryFileException("history-file-columns", "The file lacks the column(s) " + String.join(", ", missing)
                    + " (Dutch or English headers: gemeente/municipality, fase/phase, soort verwijzer/intermediary type,"
                    + " aanmelddatum/referral date; optional leverdatum/delivered on, gefactureerd/invoiced, referentie/reference).");
        }
        String sha = Sha256.hex(content);
        Reader reader = new Reader(positions, register, today);
        List<AcceptedRow> accepted = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (HistoryFile.RawRow raw : file.rows()) {
            reader.read(raw).ifPresentOrElse(refused::add, () -> accepted.add(reader.last));
        }
        Map<String, Integer> municipalities = new TreeMap<>();
        Map<Integer, Integer> years = new TreeMap<>();
        for (AcceptedRow row : accepted) {
            municipalities.merge(row.content().municipality(), 1, Integer::sum);
            years.merge(row.content().referredOn().getYear(), 1, Integer::sum);
        }
        return new HistoryCheck(fileName, sha, HistoricRowRules.importIdOf(sha), file.rows().size(), List.copyOf(accepted),
                List.copyOf(refused), List.copyOf(ignored), municipalities, years);
    }

    /** Reads the rows one by one: the row keys count equal rows, so the reader keeps what it saw. */
    private static final class Reader {
        private final Map<HistoryColumn, Integer> positions;
        private final MunicipalityRegister register;
        private final LocalDate today;
        private final Map<String, Integer> equalRowsSeen = new HashMap<>();
        private final Map<String, Integer> referencesSeen = new HashMap<>();
        private AcceptedRow last;

        Reader(Map<HistoryColumn, Integer> positions, MunicipalityRegister register, LocalDate today) {
            this.positions = positions;
            this.register = register;
            this.today = today;
        }

        /** The refusal of the row, or empty with {@link #last} set to the accepted row. */
        Optional<Refusal> read(HistoryFile.RawRow raw) {
            try {
                String municipality = municipality(cell(raw, HistoryColumn.MUNICIPALITY));
                Phase phase = lookUp("phase", cell(raw, HistoryColumn.PHASE), PHASES, Phase.class);
                IntermediaryType type = lookUp("intermediary type", cell(raw, HistoryColumn.INTERMEDIARY_TYPE), TYPES,
                        IntermediaryType.class);
                LocalDate referredOn = date("referral date", cell(raw, HistoryColumn.REFERRED_ON));
                LocalDate deliveredOn = date("delivery date", cell(raw, HistoryColumn.DELIVERED_ON));
                boolean invoiced = invoiced(cell(raw, HistoryColumn.INVOICED), deliveredOn != null);
                HistoricRow row = new HistoricRow(municipality, phase, type, referredOn, deliveredOn, invoiced);
                Optional<String> refusal = HistoricRowRules.refusal(row, today);
                if (refusal.isPresent()) {
                    return Optional.of(new Refusal(raw.number(), refusal.get()));
                }
                String key = key(raw, row);
                String referralId = HistoricRowRules.referralIdOf(municipality, key);
                last = new AcceptedRow(raw.number(), referralId, row);
                return Optional.empty();
            } catch (RowRefused e) {
                return Optional.of(new Refusal(raw.number(), e.getMessage()));
            }
        }

        /** The file's reference when it has one (unique in the file), else what the row is and how many equal rows came before. */
        private String key(HistoryFile.RawRow raw, HistoricRow row) {
            String reference = cell(raw, HistoryColumn.REFERENCE);
            if (reference != null) {
                String normal = reference.toLowerCase(Locale.ROOT);
                Integer earlier = referencesSeen.putIfAbsent(row.municipality() + "|" + normal, raw.number());
                if (earlier != null) {
                    throw new RowRefused("The reference " + reference + " is in row " + earlier + " already.");
                }
                return "ref:" + normal;
            }
            String content = row.phase() + "|" + row.intermediaryType() + "|" + row.referredOn();
            int n = equalRowsSeen.merge(row.municipality() + "|" + content, 1, Integer::sum);
            return "row:" + content + "#" + n;
        }

        private String cell(HistoryFile.RawRow raw, HistoryColumn column) {
            Integer position = positions.get(column);
            String value = position == null ? null : raw.cell(position);
            return value == null || value.isBlank() ? null : value.strip();
        }

        private String municipality(String value) {
            if (value == null) {
                throw new RowRefused("The municipality is missing.");
            }
            var code = CODE.matcher(value);
            String candidate = code.matches() ? "GM" + "%04d".formatted(Integer.parseInt(code.group(2))) : byName(value);
            if (candidate == null) {
                throw new RowRefused("The municipality " + value + " is not in the CBS register of " + register.edition() + ".");
            }
            if (register.isCurrent(candidate)) {
                return candidate;
            }
            Optional<Municipality> successor = register.successorOf(candidate);
            if (successor.isPresent()) {
                return successor.get().code();
            }
            throw new RowRefused(register.whyNotCurrent(candidate).orElse("The municipality " + value + " is not in the CBS register.")
                    + (register.reorganisationOf(candidate).isPresent() ? " Its history cannot be attributed to one municipality." : ""));
        }

        private String byName(String name) {
            for (Municipality m : register.all()) {
                if (m.name().equalsIgnoreCase(name)) {
                    return m.code();
                }
            }
            for (Reorganisation r : register.reorganisations()) {
                if (r.oldName().equalsIgnoreCase(name)) {
                    return r.oldCode();
                }
            }
            return null;
        }

        private <E extends Enum<E>> E lookUp(String what, String value, Map<String, E> dutch, Class<E> type) {
            if (value == null) {
                throw new RowRefused("The " + what + " is missing.");
            }
            String normal = HistoryColumn.normalise(value);
            E found = dutch.get(normal);
            if (found != null) {
                return found;
            }
            try {
                return Enum.valueOf(type, normal.toUpperCase(Locale.ROOT).replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                throw new RowRefused("The " + what + " " + value + " is none of " + java.util.Arrays.toString(type.getEnumConstants())
                        + ".");
            }
        }

        private LocalDate date(String what, String value) {
            if (value == null) {
                return null;
            }
            if (SERIAL_DAY.matcher(value).matches()) {
                return SERIAL_EPOCH.plusDays((long) Double.parseDouble(value));
            }
            String day = value.length() > 10 && value.charAt(10) == ' ' ? value.substring(0, 10) : value;
            for (DateTimeFormatter format : DATES) {
                try {
                    return LocalDate.parse(day, format);
                } catch (DateTimeParseException e) {
                    // the next format
                }
            }
            throw new RowRefused("The " + what + " " + value + " is no date (dd-mm-jjjj or jjjj-mm-dd).");
        }

        private boolean invoiced(String value, boolean delivered) {
            if (value == null) {
                if (delivered) {
                    throw new RowRefused("Invoiced is empty: say ja or nee for a delivered package (an invoiced one is never billed again).");
                }
                return false;
            }
            String normal = HistoryColumn.normalise(value);
            if (YES.contains(normal)) {
                return true;
            }
            if (NO.contains(normal)) {
                return false;
            }
            throw new RowRefused("Invoiced " + value + " is neither ja/yes nor nee/no.");
        }
    }

    /** A row that cannot be read: the message is the reason. */
    private static final class RowRefused extends RuntimeException {
        RowRefused(String reason) {
            super(reason, null, false, false);
        }
    }
}
