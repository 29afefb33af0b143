package nl.startpakket.referral.history;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * A spreadsheet as it was uploaded: CSV (comma, semicolon or tab separated, UTF-8 or Windows-1252,
 * as Dutch Excel writes it; Apache Commons CSV) or XLSX (the first sheet; fastexcel). Only the
 * header and the cells of the columns that are read leave this class: the cells of every other
 * column are never even kept.
 *
 * @param headers every header of the first line, as written
 * @param rows    the data rows (blank ones left out), each with its number as a spreadsheet shows it (the header is row 1)
 */
public record HistoryFile(List<String> headers, List<RawRow> rows) {

    /** One data row: the cells of the read columns, by their position in {@code headers}. */
    public record RawRow(int number, List<String> cells) {

        String cell(int index) {
            return index < 0 || index >= cells.size() ? null : cells.get(index);
        }
    }

    private static final byte[] ZIP = {'P', 'K', 3, 4};

    /**
     * Reads the file; {@code readable} says, given the headers, which positions are read (the
     * cells of all others stay null).
     */
    public static HistoryFile read(byte[] content, Function<List<String>, IntPredicate> readable) {
        if (content == null || content.length == 0) {
            throw new UnreadableHistoryFileException("history-file-empty", "The file is empty.");
        }
        return isZip(content) ? xlsx(content, readable) : csv(content, readable);
    }

    private static boolean isZip(byte[] content) {
        if (content.length < ZIP.length) {
            return false;
        }
        for (int i = 0; i < ZIP.length; i++) {
            if (content[i] != ZIP[i]) {
                return false;
            }
        }
        return true;
    }

    private static HistoryFile csv(byte[] content, Function<List<String>, IntPredicate> readable) {
        String text = decode(content);
        if (text.indexOf('\0') >= 0) {
            throw new UnreadableHistoryFileException("history-file-unreadable", "The file is neither CSV text nor an XLSX workbook.");
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(false).get();
        List<String> headers = null;
        IntPredicate keep = i -> true;
        List<RawRow> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                int number = (int) record.getRecordNumber();
                List<String> cells = new ArrayList<>(record.size());
                for (int i = 0; i < record.size(); i++) {
                    cells.add(headers == null || keep.test(i) ? record.get(i) : null);
                }
                if (headers == null) {
                    if (!blank(cells)) {
                        headers = cells;
                        keep = readable.apply(headers);
                    }
                } else if (!blank(cells)) {
                    rows.add(new RawRow(number, cells));
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new UnreadableHistoryFileException("history-file-unreadable", "The CSV cannot be read: " + e.getMessage());
        }
        if (headers == null) {
            throw new UnreadableHistoryFileException("history-file-empty", "The file has no header line.");
        }
        return new HistoryFile(List.copyOf(headers), rows);
    }

    /** UTF-8 (with or without a byte order mark); what is not UTF-8 is read as Windows-1252, as Excel saves CSV. */
    private static String decode(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(content, Charset.forName("windows-1252"));
        }
    }

    /** The separator of the header line: the one of semicolon, tab and comma it holds most of. */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String first = end < 0 ? text : text.substring(0, end);
        long semicolons = first.chars().filter(c -> c == ';').count();
        long tabs = first.chars().filter(c -> c == '\t').count();
        long commas = first.chars().filter(c -> c == ',').count();
        if (semicolons >= commas && semicolons >= tabs && semicolons > 0) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    private static HistoryFile xlsx(byte[] content, Function<List<String>, IntPredicate> readable) {
        try (InputStream in = new ByteArrayInputStream(content); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
            Sheet sheet = workbook.getFirstSheet();
            List<String> headers = null;
            IntPredicate keep = i -> true;
            List<RawRow> rows = new ArrayList<>();
            try (Stream<Row> sheetRows = sheet.openStream()) {
                for (Row row : (Iterable<Row>) sheetRows::iterator) {
                    List<String> cells = new ArrayList<>(row.getCellCount());
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(headers == null || keep.test(i) ? text(row.getCell(i)) : null);
                    }
                    if (headers == null) {
                        if (!blank(cells)) {
                            headers = cells;
                            keep = readable.apply(headers);
                        }
                    } else if (!blank(cells)) {
                        rows.add(new RawRow(row.getRowNum(), cells));
                    }
                }
            }
            if (headers == null) {
                throw new UnreadableHistoryFileException("history-file-empty", "The workbook's first sheet has no header row.");
            }
            return new HistoryFile(List.copyOf(headers), rows);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableHistoryFileException unreadable) {
                throw unreadable;
            }
            throw new UnreadableHistoryFileException("history-file-unreadable", "The XLSX workbook cannot be read.");
        }
    }

    /** A cell as text: numbers as plain decimals (a date cell is its serial day number, read as a date later). */
    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        return switch (cell.getType()) {
            case NUMBER -> cell.asNumber() == null ? null : cell.asNumber().stripTrailingZeros().toPlainString();
            case BOOLEAN -> String.valueOf(cell.asBoolean());
            case EMPTY, ERROR -> null;
            default -> cell.getText();
        };
    }

    private static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
