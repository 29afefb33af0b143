package nl.startpakket.referral.command.history;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import nl.startpakket.referral.api.history.HistoricRow;

/**
 * The rules a row of history must keep, checked when the file is read (the dry run's refusals)
 * and again by the referral it becomes: a referral and a phase, dates from 2015 on and not in the
 * future, a delivery not before its referral, and "invoiced" only for a delivered package.
 */
public final class HistoricRowRules {

    /** The foundation's first packages: no history lies before this. */
    public static final LocalDate EARLIEST = LocalDate.of(2015, 1, 1);

    private HistoricRowRules() {
    }

    /** Why the row cannot be imported, in a sentence for the coordinator; empty when it can. */
    public static Optional<String> refusal(HistoricRow row, LocalDate today) {
        if (row.municipality() == null) {
            return Optional.of("The municipality is missing.");
        }
        if (row.phase() == null) {
            return Optional.of("The phase is missing.");
        }
        if (row.intermediaryType() == null) {
            return Optional.of("The intermediary type is missing.");
        }
        if (row.referredOn() == null) {
            return Optional.of("The referral date is missing.");
        }
        Optional<String> referred = date("referral date", row.referredOn(), today);
        if (referred.isPresent()) {
            return referred;
        }
        if (row.deliveredOn() == null) {
            return row.invoicedBeforeStartpakket()
                    ? Optional.of("Invoiced, but no delivery date: only a delivered package can have been invoiced.")
                    : Optional.empty();
        }
        Optional<String> delivered = date("delivery date", row.deliveredOn(), today);
        if (delivered.isPresent()) {
            return delivered;
        }
        if (row.deliveredOn().isBefore(row.referredOn())) {
            return Optional.of("The delivery date " + row.deliveredOn() + " lies before the referral date " + row.referredOn() + ".");
        }
        return Optional.empty();
    }

    private static Optional<String> date(String what, LocalDate date, LocalDate today) {
        if (date.isBefore(EARLIEST)) {
            return Optional.of("The " + what + " " + date + " lies before " + EARLIEST + ".");
        }
        if (date.isAfter(today)) {
            return Optional.of("The " + what + " " + date + " lies in the future.");
        }
        return Optional.empty();
    }

    /**
     * The referral id of a row: name-based on the municipality and the row's key, so the same row
     * in a re-exported file is the same referral. Not reversible to anything personal: the key is
     * the file's own reference or the row's phase, intermediary, referral date and how many equal
     * rows came before it.
     */
    public static String referralIdOf(String municipality, String rowKey) {
        return "R-" + UUID.nameUUIDFromBytes(("historic|" + municipality + "|" + rowKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The import of a file: {@code I-} and its SHA-256 in lower-case hex. */
    public static String importIdOf(String fileSha256) {
        return "I-" + fileSha256;
    }
}
