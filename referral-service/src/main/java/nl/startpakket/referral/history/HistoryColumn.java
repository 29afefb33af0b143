package nl.startpakket.referral.history;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a history file that are read, each recognised by its Dutch or English header
 * (case, accents, spaces, hyphens and underscores aside). Every other column is ignored and named
 * in the report; those that look like personal data are never read at all.
 */
public enum HistoryColumn {
    MUNICIPALITY(true, "gemeente", "gemeentecode", "cbs code", "cbscode", "municipality", "municipality code"),
    PHASE(true, "fase", "pakket", "soort pakket", "pakketsoort", "phase", "package"),
    INTERMEDIARY_TYPE(true, "soort verwijzer", "type verwijzer", "verwijzer", "soort intermediair", "intermediair",
            "verwijzende instantie", "intermediary type", "intermediarytype", "intermediary"),
    REFERRED_ON(true, "aanmelddatum", "datum aanmelding", "aangemeld op", "verwijsdatum", "datum verwijzing", "referral date",
            "referred on", "referredon", "referraldate"),
    DELIVERED_ON(false, "leverdatum", "datum levering", "geleverd op", "bezorgd op", "uitgereikt op", "delivery date",
            "delivered on", "deliveredon", "deliverydate"),
    INVOICED(false, "gefactureerd", "gefactureerd ja nee", "factuur verstuurd", "invoiced", "invoiced before startpakket",
            "invoicedbeforestartpakket"),
    /** The file's own reference of the row (a dossier or serial number): the row's key, never stored. */
    REFERENCE(false, "referentie", "kenmerk", "dossiernummer", "volgnummer", "reference", "row key", "rowkey", "id");

    /** Headers of columns that hold personal data: never read, listed as ignored. */
    private static final List<String> PERSONAL = List.of("naam", "name", "voornaam", "achternaam", "adres", "address", "straat",
            "street", "huisnummer", "house number", "postcode", "postal code", "woonplaats", "plaats", "city", "telefoon",
            "telefoonnummer", "phone", "e mail", "email", "bsn", "burgerservicenummer", "geboortedatum", "birth date",
            "uitgerekende datum", "due date", "opmerking", "opmerkingen", "notes", "notities");

    private final boolean required;
    private final List<String> headers;

    HistoryColumn(boolean required, String... headers) {
        this.required = required;
        this.headers = List.of(headers);
    }

    public boolean required() {
        return required;
    }

    /** The first header a coordinator would write for it (Dutch). */
    public String header() {
        return headers.get(0);
    }

    public static Optional<HistoryColumn> of(String header) {
        String name = normalise(header);
        for (HistoryColumn column : values()) {
            if (column.headers.contains(name)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /** Whether a header names personal data (a name, an address, contact details, a BSN, a due or birth date, notes). */
    public static boolean isPersonal(String header) {
        String name = normalise(header);
        return PERSONAL.stream().anyMatch(p -> name.equals(p) || name.startsWith(p + " ") || name.endsWith(" " + p));
    }

    static String normalise(String header) {
        String plain = Normalizer.normalize(header == null ? "" : header, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }
}
