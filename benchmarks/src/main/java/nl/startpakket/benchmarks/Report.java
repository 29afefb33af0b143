package nl.startpakket.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every figure of a run, by section, with the notes that explain how it was measured; printed as it
 * comes and written as Markdown. In an existing file only the part between the markers is
 * replaced, so the hand-written analysis around it stays.
 */
final class Report {

    static final String BEGIN = "<!-- BEGIN GENERATED FIGURES (java -jar benchmarks/target/benchmarks.jar) -->";
    static final String END = "<!-- END GENERATED FIGURES -->";

    private final Map<String, List<Figure>> sections = new LinkedHashMap<>();
    private final Map<String, List<String>> notes = new LinkedHashMap<>();
    private final List<String[]> header = new ArrayList<>();
    private final List<Target> targets = new ArrayList<>();
    private final PrintStream console;

    /** A target of issue 8: the figure, the comparison and its threshold. */
    record Target(String text, Figure figure, double threshold, boolean atLeast, Figure reference, double fraction) {
    }

    Report(PrintStream console) {
        this.console = console;
    }

    void header(String name, String value) {
        header.add(new String[] {name, value});
        console.println(name + ": " + value);
    }

    Figure figure(String section, String id, String label, String unit, boolean higherIsBetter) {
        Optional<Figure> existing = find(id);
        if (existing.isPresent()) {
            return existing.get();
        }
        Figure figure = new Figure(id, label, unit, higherIsBetter);
        sections.computeIfAbsent(section, s -> new ArrayList<>()).add(figure);
        return figure;
    }

    Optional<Figure> find(String id) {
        return sections.values().stream().flatMap(List::stream).filter(f -> f.id().equals(id)).findFirst();
    }

    List<Figure> all() {
        return sections.values().stream().flatMap(List::stream).toList();
    }

    void note(String section, String text) {
        notes.computeIfAbsent(section, s -> new ArrayList<>()).add(text);
        sections.computeIfAbsent(section, s -> new ArrayList<>());
        console.println("  note: " + text);
    }

    /** Logs one measured run of a figure as it happens. */
    void logRun(Figure figure, double value) {
        console.printf("  %-62s %s %s%n", figure.label(), Figure.format(value), figure.unit());
    }

    /** figure ≥ threshold (or ≤ when !atLeast); with a reference: figure ≥ fraction × reference. */
    void target(String text, Figure figure, double threshold, boolean atLeast) {
        targets.add(new Target(text, figure, threshold, atLeast, null, 0));
    }

    void targetRatio(String text, Figure figure, Figure reference, double fraction) {
        targets.add(new Target(text, figure, 0, true, reference, fraction));
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(BEGIN).append("\n\n");
        md.append("## Run\n\n| | |\n|---|---|\n");
        for (String[] h : header) {
            md.append("| ").append(h[0]).append(" | ").append(h[1].replace("|", "\\|")).append(" |\n");
        }
        md.append("\n## Targets (issue 8; informative, never a pass/fail test)\n\n");
        md.append("| target | measured (median) | status |\n|---|---|---|\n");
        for (Target t : targets) {
            md.append("| ").append(t.text()).append(" | ").append(targetValue(t)).append(" | ").append(status(t)).append(" |\n");
        }
        for (Map.Entry<String, List<Figure>> section : sections.entrySet()) {
            md.append("\n## ").append(section.getKey()).append("\n\n");
            List<Figure> figures = section.getValue();
            if (!figures.isEmpty()) {
                md.append("| figure | median | spread (min–max, runs) | raw baseline (median) | ours / baseline |\n");
                md.append("|---|---:|---|---|---:|\n");
                for (Figure f : figures) {
                    md.append("| ").append(f.label());
                    if (!f.note().isEmpty()) {
                        md.append(" <br><sub>").append(f.note()).append("</sub>");
                    }
                    md.append(" | ").append(f.measured() ? Figure.format(f.median()) + " " + f.unit() : "not measured")
                            .append(" | ").append(f.spread())
                            .append(" | ").append(f.baseline() == null ? "" : f.baseline().label() + ": "
                                    + (f.baseline().measured() ? Figure.format(f.baseline().median()) + " " + f.baseline().unit() : "not measured"))
                            .append(" | ").append(Double.isNaN(f.ratio()) ? "" : ratioText(f.ratio()))
                            .append(" |\n");
                }
            }
            for (String note : notes.getOrDefault(section.getKey(), List.of())) {
                md.append("\n").append(note).append("\n");
            }
        }
        md.append("\n").append(END).append("\n");
        return md.toString();
    }

    private static String ratioText(double ratio) {
        return ratio >= 0.1 ? String.format(java.util.Locale.ROOT, "%.0f%%", ratio * 100)
                : String.format(java.util.Locale.ROOT, "%.2f%%", ratio * 100);
    }

    private static String targetValue(Target t) {
        if (!t.figure().measured()) {
            return "not measured";
        }
        String value = Figure.format(t.figure().median()) + " " + t.figure().unit();
        if (t.reference() != null && t.reference().measured()) {
            value += " = " + ratioText(t.figure().median() / t.reference().median()) + " of " + t.reference().label()
                    + " (" + Figure.format(t.reference().median()) + " " + t.reference().unit() + ")";
        }
        return value;
    }

    private static String status(Target t) {
        if (!t.figure().measured() || (t.reference() != null && !t.reference().measured())) {
            return "–";
        }
        double value = t.figure().median();
        boolean met;
        if (t.reference() != null) {
            met = value >= t.fraction() * t.reference().median();
        } else {
            met = t.atLeast() ? value >= t.threshold() : value < t.threshold();
        }
        return met ? "met" : "**missed**";
    }

    /** Writes the figures into {@code file}: between the markers if it has them, else the whole file. */
    void write(Path file, String title) {
        try {
            String generated = markdown();
            String content;
            if (Files.exists(file)) {
                String existing = Files.readString(file, StandardCharsets.UTF_8);
                int begin = existing.indexOf(BEGIN);
                int end = existing.indexOf(END);
                if (begin >= 0 && end > begin) {
                    content = existing.substring(0, begin) + generated.trim() + existing.substring(end + END.length());
                } else {
                    content = "# " + title + "\n\n" + generated;
                }
            } else {
                content = "# " + title + "\n\n" + generated;
            }
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The figures with no run at all. */
    List<Figure> missing() {
        return all().stream().filter(f -> !f.measured()).toList();
    }
}
