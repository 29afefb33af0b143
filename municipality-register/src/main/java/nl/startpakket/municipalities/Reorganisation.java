package nl.startpakket.municipalities;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A municipality that ceased to exist (a gemeentelijke herindeling): its old code and name, the
 * day it ceased, and what became of it. Either it became part of one successor, or it was split
 * between several municipalities, in which case there is no single successor and
 * {@link #splitInto()} names those that received a part.
 */
public record Reorganisation(String oldCode, String oldName, String successorCode, LocalDate effective, List<String> splitInto) {

    public Reorganisation {
        Objects.requireNonNull(oldCode, "oldCode");
        Objects.requireNonNull(oldName, "oldName");
        Objects.requireNonNull(effective, "effective");
        splitInto = List.copyOf(splitInto);
        if ((successorCode == null) == splitInto.isEmpty()) {
            throw new IllegalArgumentException(oldCode + ": either one successor or a split into several, not both or neither");
        }
    }

    /** A municipality that became part of another. */
    public static Reorganisation merger(String oldCode, String oldName, String successorCode, LocalDate effective) {
        return new Reorganisation(oldCode, oldName, Objects.requireNonNull(successorCode, "successorCode"), effective, List.of());
    }

    /** A municipality whose territory was divided between others. */
    public static Reorganisation split(String oldCode, String oldName, List<String> splitInto, LocalDate effective) {
        return new Reorganisation(oldCode, oldName, null, effective, splitInto);
    }

    public boolean isSplit() {
        return successorCode == null;
    }

    /** The municipality it became part of on {@link #effective()}; empty for a split. */
    public Optional<String> successor() {
        return Optional.ofNullable(successorCode);
    }
}
