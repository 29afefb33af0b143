package nl.startpakket.municipalities;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One register file as lines: UTF-8 (strictly: a file saved in another encoding is refused, not
 * misread), {@code ;}-separated, {@code #} starting a comment line, blank lines ignored, the
 * first other line the header. A comment {@code # key: value} is a directive.
 */
final class RegisterFile {

    static final Pattern CODE = Pattern.compile("GM\\d{4}");

    /** A data line: its number in the file and its fields, trimmed. */
    record Row(int line, List<String> fields) {

        String field(int index) {
            return index < fields.size() ? fields.get(index) : "";
        }
    }

    private final String name;
    private final List<String> lines;

    private RegisterFile(String name, List<String> lines) {
        this.name = name;
        this.lines = lines;
    }

    static RegisterFile read(String name, InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new InvalidRegisterException(name + ": cannot be read (" + e.getMessage() + ")", e);
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            String line = decode(name, lines.size() + 1, ByteBuffer.wrap(bytes, start, end - start));
            if (lines.isEmpty() && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            start = end + 1;
        }
        return new RegisterFile(name, List.copyOf(lines));
    }

    private static String decode(String name, int line, ByteBuffer bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRegisterException(name + " line " + line + ": not UTF-8 text; save the file as UTF-8", e);
        }
    }

    String name() {
        return name;
    }

    InvalidRegisterException problem(int line, String message) {
        return new InvalidRegisterException(name + " line " + line + ": " + message);
    }

    InvalidRegisterException problem(String message) {
        return new InvalidRegisterException(name + ": " + message);
    }

    /** The one directive {@code # key: value} as a row of one field, its value; refused when it appears twice. */
    Optional<Row> directive(String key) {
        String prefix = key + ":";
        Row found = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("#") && line.substring(1).strip().startsWith(prefix)) {
                if (found != null) {
                    throw problem(i + 1, "a second '# " + prefix + "' line (the first is line " + found.line() + ")");
                }
                found = new Row(i + 1, List.of(line.substring(1).strip().substring(prefix.length()).strip()));
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The data lines after the header, which must be one of {@code headers}. A line may leave out
     * empty fields at its end but may not have more than the header.
     */
    List<Row> rows(List<String> headers, int requiredFields) {
        List<Row> rows = new ArrayList<>();
        String header = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (header == null) {
                header = line.strip();
                if (!headers.contains(header)) {
                    throw problem(i + 1, "the header must be '" + headers.get(0) + "', found '" + header + "'");
                }
                continue;
            }
            List<String> fields = Arrays.stream(line.split(";", -1)).map(String::strip).toList();
            int allowed = header.split(";").length;
            if (fields.size() < requiredFields || fields.size() > allowed) {
                throw problem(i + 1, "expected " + (requiredFields == allowed ? "" : requiredFields + " to ") + allowed
                        + " fields (" + header + "), found " + fields.size() + ": '" + line + "'");
            }
            rows.add(new Row(i + 1, fields));
        }
        if (header == null) {
            throw problem("no header line '" + headers.get(0) + "'");
        }
        return rows;
    }

    String code(Row row, int index, String what) {
        String code = row.field(index);
        if (!CODE.matcher(code).matches()) {
            throw problem(row.line(), what + " '" + code + "' is not a CBS code (GM and four digits)");
        }
        return code;
    }

    String name(Row row, int index, String what) {
        String value = row.field(index);
        if (value.isEmpty()) {
            throw problem(row.line(), what + " is empty");
        }
        return value;
    }

    LocalDate date(Row row, int index, String what) {
        String value = row.field(index);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw problem(row.line(), what + " '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }
}
