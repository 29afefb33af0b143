package nl.startpakket.reporting.web;

import java.util.Map;

/** Display names of municipalities by CBS code; unknown codes show as the code. */
public final class MunicipalityNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("GM0406", "Huizen"),
            Map.entry("GM0917", "Heerlen"),
            Map.entry("GM0268", "Nijmegen"),
            Map.entry("GM0599", "Rotterdam"),
            Map.entry("GM0400", "Den Helder"),
            Map.entry("GM1730", "Tynaarlo"),
            Map.entry("GM0363", "Amsterdam"),
            Map.entry("GM0344", "Utrecht"));

    private MunicipalityNames() {
    }

    public static String of(String code) {
        return NAMES.getOrDefault(code, code);
    }
}
