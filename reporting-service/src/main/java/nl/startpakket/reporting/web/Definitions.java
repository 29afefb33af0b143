package nl.startpakket.reporting.web;

import java.util.List;

/** The definition of every figure and the suppression rule, in the viewer's language. */
public final class Definitions {

    static final List<String> KEYS = List.of("def.count", "def.referrals", "def.outcomes", "def.deliveries",
            "def.leadTime", "def.babyBeforeDue", "def.pregnancyWeek", "def.followUp", "def.money", "def.forecast");

    private Definitions() {
    }

    public static List<String> all(Labels labels, EvaluationView view) {
        int threshold = view.suppressionThreshold();
        List<String> texts = new java.util.ArrayList<>(KEYS.stream().map(k -> labels.get(k)).toList());
        texts.add(labels.get("def.suppression", threshold));
        return texts;
    }
}
