package nl.startpakket.endtoend;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, found by a small tokenizer rather than a parser: quoted
 * strings, label matchers ({@code {...}}), ranges ({@code [...]}) and Grafana's variables are removed; of
 * what is left, an identifier is a metric name unless {@code (}, {@code by} or {@code without} follows it
 * (a function or aggregation), it is a keyword, or it stands in the label list of {@code by},
 * {@code without}, {@code on}, {@code ignoring}, {@code group_left} or {@code group_right}. Numbers and
 * durations start with a digit.
 * An expression that names its metric through {@code __name__} is refused: this would not see it.
 */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "atan2", "bool", "offset", "inf", "nan");
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Pattern STRING = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"|'(\\\\.|[^'\\\\])*'|`[^`]*`");
    private static final Pattern GRAFANA_VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*|[0-9][A-Za-z0-9_.]*|\\S");

    private PromQl() {
    }

    static Set<String> metricNames(String expression) {
        if (expression.contains("__name__")) {
            throw new IllegalArgumentException("names its metric through __name__: " + expression);
        }
        String rest = GRAFANA_VARIABLE.matcher(STRING.matcher(expression).replaceAll("\"\"")).replaceAll("1");
        rest = removeBracketed(removeBracketed(rest, '{', '}'), '[', ']');
        Set<String> names = new TreeSet<>();
        Matcher token = TOKEN.matcher(rest);
        boolean labelListAhead = false;
        while (token.find()) {
            String word = token.group();
            if (labelListAhead && word.equals("(")) {
                int close = rest.indexOf(')', token.end());
                if (close < 0) {
                    throw new IllegalArgumentException("unclosed label list: " + expression);
                }
                token.region(close + 1, rest.length());
                labelListAhead = false;
                continue;
            }
            labelListAhead = LABEL_LISTS.contains(word);
            boolean identifier = Character.isLetter(word.charAt(0)) || word.charAt(0) == '_' || word.charAt(0) == ':';
            if (identifier && !labelListAhead && !KEYWORDS.contains(word.toLowerCase()) && !calls(rest, token.end())) {
                names.add(word);
            }
        }
        return names;
    }

    /**
     * Grafana's {@code label_values(metric, label)} of a dashboard variable: the metric selector is PromQL,
     * the label is not. Anything else is PromQL as it stands.
     */
    static Set<String> metricNamesOfVariableQuery(String query) {
        String trimmed = query.trim();
        if (trimmed.startsWith("label_values(") && trimmed.endsWith(")")) {
            String arguments = trimmed.substring("label_values(".length(), trimmed.length() - 1);
            int lastComma = arguments.lastIndexOf(',');
            return lastComma < 0 ? Set.of() : metricNames(arguments.substring(0, lastComma));
        }
        return metricNames(trimmed);
    }

    /** A function's or aggregation's name: {@code rate(}, {@code sum(}, {@code sum by (}, {@code max without (}. */
    private static boolean calls(String text, int from) {
        Matcher next = TOKEN.matcher(text).region(from, text.length());
        return next.find() && (next.group().equals("(") || next.group().equals("by") || next.group().equals("without"));
    }

    /** Cuts out every {@code open ... close} (they do not nest in PromQL once strings are gone). */
    private static String removeBracketed(String text, char open, char close) {
        StringBuilder kept = new StringBuilder();
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == open) {
                depth++;
            } else if (c == close && depth > 0) {
                depth--;
            } else if (depth == 0) {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
