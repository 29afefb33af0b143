package nl.startpakket.municipalities;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A current Dutch municipality: its CBS code ({@code GM} and four digits), its official name in
 * CBS spelling ({@code 's-Gravenhage}, {@code Bergen (NH.)}) and {@code since}, the day it was
 * formed when a reorganisation the register records formed it ({@code null} when it predates
 * them).
 */
public record Municipality(String code, String name, LocalDate since) {

    public Municipality {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }

    /** Code and name, e.g. {@code GM0406 Huizen}. */
    public String label() {
        return code + " " + name;
    }
}
