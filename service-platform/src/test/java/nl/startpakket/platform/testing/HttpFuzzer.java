package nl.startpakket.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded, reproducible HTTP fuzzing of a service's endpoints: for each endpoint, inputs that mix
 * valid requests with random and malformed JSON, wrong types, huge and deeply nested bodies,
 * unicode, injection strings, wrong content types and methods, nasty path and query values, and
 * missing, wrong or garbage credentials. Every answer must be 2xx or 4xx, and every 4xx must be
 * {@code application/problem+json}. The same seed gives the same inputs.
 */
public final class HttpFuzzer {

    /** The seed of every fuzz test ({@code -Dfuzz.seed}): the same seed gives the same inputs. */
    public static final long SEED = Long.getLong("fuzz.seed", 20260302L);
    /**
     * Inputs per endpoint ({@code -Dfuzz.inputs}, 100 in the build: the same seeded inputs every run; a
     * deeper run, e.g. {@code -Dfuzz.inputs=2000 -Dfuzz.seed=$RANDOM}, before a release); a test with a
     * costly endpoint set may take a share of it.
     */
    public static final int INPUTS_PER_ENDPOINT = Integer.getInteger("fuzz.inputs", 100);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    /** Strings that broke parsers, validators, databases and log lines elsewhere. */
    public static final List<String> NASTY = List.of(
            "", " ", "\t", "\u0000", "null", "undefined", "true", "0", "-1", "2147483648", "9999999999999999999999999",
            "1e309", "NaN", "-0", "0x1F", "1,5", "' OR '1'='1", "\"; DROP TABLE referrals; --", "{\"$gt\": \"\"}", "$where",
            "{$ne: null}", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "${jndi:ldap://127.0.0.1:1/a}",
            "#{7*7}", "{{7*7}}", "../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%00", "%2e%2e%2f", "\r\nX-Injected: 1",
            "😀👶🏽🍼", "עברית ومصر", "\u202Egnp.exe", "Zoë Ĳsselmeer-Çağlar", "\uFEFFBOM", "𝕏𝕐ℤ", "\u200B\u200C\u200D",
            "\uD800", "\\", "\"", "'", "`", "/", "?", "#", "&", "=", "%", "+", ";", ",", "*", "R-00000000-0000-0000-0000-000000000000",
            "GM0406\n", "gm0406", "GM9999", "BABY ", "baby", "TODDLER\u0000", "2026-02-30", "2026-13-01", "0000-00-00", "-999999999-01-01",
            "+999999999-12-31", "1271 AB", "1271AB' --", "A".repeat(300), "x".repeat(5000));

    private final String baseUrl;
    private final Random random;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** An HTTP Basic {@code Authorization} header value. */
    public static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public HttpFuzzer(String baseUrl, long seed) {
        this.baseUrl = baseUrl;
        this.random = new Random(seed);
    }

    /**
     * An endpoint: its method and path template ({@code /api/v1/jobs/{jobId}/claim}), candidate
     * values per path variable and query parameter, a valid body (null when it takes none), the
     * valid {@code Authorization} header, and other identities' headers (wrong role, another
     * partner, the other scheme).
     */
    public record Endpoint(String method, String path, Map<String, Supplier<String>> pathValues,
                           Map<String, List<String>> queryValues, Supplier<Object> validBody, Supplier<String> validAuth,
                           List<Supplier<String>> otherAuths) {

        public String name() {
            return method + " " + path;
        }
    }

    /** One generated request. */
    public record Input(String endpoint, String method, String uri, Map<String, String> headers, byte[] body, String description) {
    }

    /** The answer to one input. */
    public record Outcome(Input input, int status, String contentType, String body) {
    }

    /** What a run saw: inputs per endpoint, answers per status, and every violation. */
    public static final class Report {
        public final Map<String, Integer> inputsPerEndpoint = new LinkedHashMap<>();
        public final Map<String, Long> millisPerEndpoint = new LinkedHashMap<>();
        public final Map<Integer, Integer> statuses = new TreeMap<>();
        public final List<String> violations = new ArrayList<>();
        public int inputs;

        /**
         * Prints the summary (plus {@code extra} lines), writes it with every violation to
         * {@code target/fuzz-report-<name>.txt}, and fails with the first violations if there are any.
         */
        public void publishAndAssertNoViolations(String service, String name, long seed, String extra) throws java.io.IOException {
            String text = summary(service, seed) + extra;
            System.out.println(text);
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
            java.nio.file.Files.writeString(java.nio.file.Path.of("target/fuzz-report-" + name + ".txt"),
                    text + String.join("\n", violations) + "\n");
            org.assertj.core.api.Assertions.assertThat(violations.isEmpty()).as("%d violations, the first:%n%s", violations.size(),
                    String.join("\n", violations.subList(0, Math.min(25, violations.size())))).isTrue();
        }

        public String summary(String service, long seed) {
            StringBuilder text = new StringBuilder();
            text.append(service).append(" fuzz (seed ").append(seed).append("): ").append(inputs).append(" inputs over ")
                    .append(inputsPerEndpoint.size()).append(" endpoints; answers by status ").append(statuses)
                    .append("; violations ").append(violations.size()).append('\n');
            inputsPerEndpoint.forEach((endpoint, count) -> text.append("  ").append(count).append("  ").append(endpoint)
                    .append("  (").append(millisPerEndpoint.getOrDefault(endpoint, 0L)).append(" ms)").append('\n'));
            return text.toString();
        }
    }

    /** Fuzzes every endpoint with {@code perEndpoint} inputs; the observer sees every outcome (e.g. to track what was stored). */
    public Report run(List<Endpoint> endpoints, int perEndpoint, Consumer<Outcome> observer) {
        return run(endpoints, perEndpoint, observer, new Report());
    }

    /** As {@link #run(List, int, Consumer)}, adding to an existing report (endpoints fuzzed with fewer inputs). */
    public Report run(List<Endpoint> endpoints, int perEndpoint, Consumer<Outcome> observer, Report report) {
        for (Endpoint endpoint : endpoints) {
            long start = System.nanoTime();
            for (int i = 0; i < perEndpoint; i++) {
                Input input = generate(endpoint);
                Outcome outcome = send(input);
                report.inputs++;
                report.inputsPerEndpoint.merge(endpoint.name(), 1, Integer::sum);
                report.statuses.merge(outcome.status(), 1, Integer::sum);
                String violation = violation(outcome);
                if (violation != null) {
                    report.violations.add(violation);
                }
                observer.accept(outcome);
            }
            report.millisPerEndpoint.put(endpoint.name(), (System.nanoTime() - start) / 1_000_000);
        }
        return report;
    }

    /** Null when the answer keeps the promise (2xx or 4xx, every 4xx problem+json), else what is wrong. */
    public static String violation(Outcome outcome) {
        int status = outcome.status();
        String problem = null;
        if (status < 200 || status >= 500 || status >= 300 && status < 400) {
            problem = "status " + status;
        } else if (status >= 400 && (outcome.contentType() == null || !outcome.contentType().startsWith("application/problem+json"))) {
            problem = status + " as " + outcome.contentType();
        } else if (status >= 400) {
            try {
                JsonNode body = JSON.readTree(outcome.body());
                if (body == null || body.path("status").asInt() != status) {
                    problem = status + " with a problem body that does not say so: " + abbreviate(outcome.body(), 200);
                }
            } catch (IOException e) {
                problem = status + " with a problem body that is not JSON: " + abbreviate(outcome.body(), 200);
            }
        }
        return problem == null ? null : problem + " for " + outcome.input().description() + " -> " + abbreviate(outcome.body(), 300);
    }

    public Outcome send(Input input) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + input.uri())).timeout(Duration.ofSeconds(60))
                .method(input.method(), input.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(input.body()));
        input.headers().forEach(request::header);
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Outcome(input, response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Outcome(input, -1, null, "I/O failure: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One input for the endpoint; {@code description} says what was varied, to reproduce and explain a violation. */
    public Input generate(Endpoint endpoint) {
        List<String> varied = new ArrayList<>();
        String method = endpoint.method();
        if (chance(6)) {
            method = pick(METHODS);
            varied.add("method " + method);
        }
        String path = path(endpoint, varied);
        String query = query(endpoint, varied);
        Map<String, String> headers = new LinkedHashMap<>();
        authorization(endpoint, headers, varied);
        byte[] body = body(endpoint, varied);
        contentType(body, headers, varied);
        if (chance(10)) {
            String accept = pick(List.of("application/xml", "text/html", "image/png", "*/*", "application/json;q=0.1, text/csv",
                    "x/y;q=abc", "application/problem+json"));
            headers.put("Accept", accept);
            varied.add("Accept " + accept);
        }
        if (chance(10)) {
            String key = printable(pick(NASTY));
            if (!key.isEmpty()) {
                headers.put("Idempotency-Key", key);
                varied.add("Idempotency-Key " + abbreviate(key, 40));
            }
        }
        if (chance(5)) {
            headers.put("Accept-Language", pick(List.of("nl", "nl-NL", "en", "fr", "*", "zz-ZZ", ";;;")));
        }
        String uri = path + query;
        String description = endpoint.name() + " as " + method + " " + abbreviate(uri, 160) + " [" + String.join("; ", varied) + "]";
        return new Input(endpoint.name(), method, uri, headers, body, description);
    }

    private String path(Endpoint endpoint, List<String> varied) {
        Matcher matcher = PATH_VARIABLE.matcher(endpoint.path());
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            Supplier<String> valid = endpoint.pathValues().get(name);
            String value;
            if (valid != null && !chance(35)) {
                value = valid.get();
            } else {
                value = chance(10) ? "x".repeat(1000 + random.nextInt(4000)) : pick(NASTY);
                varied.add(name + "=" + abbreviate(value, 40));
            }
            matcher.appendReplacement(path, Matcher.quoteReplacement(encode(value.isEmpty() ? "%20" : value)));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private String query(Endpoint endpoint, List<String> varied) {
        List<String> parameters = new ArrayList<>();
        endpoint.queryValues().forEach((name, values) -> {
            if (chance(50)) {
                String value = chance(60) && !values.isEmpty() ? pick(values) : pick(NASTY);
                parameters.add(encode(name) + "=" + encode(value));
                varied.add(name + "=" + abbreviate(value, 40));
            }
        });
        if (chance(10)) {
            String name = pick(NASTY);
            parameters.add(encode(name.isEmpty() ? "q" : name) + "=" + encode(pick(NASTY)));
            varied.add("unknown query parameter");
        }
        return parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
    }

    private void authorization(Endpoint endpoint, Map<String, String> headers, List<String> varied) {
        int dice = random.nextInt(100);
        if (dice < 75) {
            headers.put("Authorization", endpoint.validAuth().get());
            return;
        }
        if (dice < 83) {
            varied.add("no credentials");
            return;
        }
        if (dice < 90 && !endpoint.otherAuths().isEmpty()) {
            headers.put("Authorization", pick(endpoint.otherAuths()).get());
            varied.add("another identity");
            return;
        }
        String garbage = pick(List.of(
                "Bearer " + printable(pick(NASTY)),
                "Bearer",
                "Bearer  ",
                "Basic " + Base64.getEncoder().encodeToString((pick(NASTY) + ":" + pick(NASTY)).getBytes(StandardCharsets.UTF_8)),
                "Basic !!!not-base64!!!",
                "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)),
                "Digest username=\"x\"",
                "bearer " + "k".repeat(2000),
                "Token abc"));
        headers.put("Authorization", garbage.strip().isEmpty() ? "Bearer" : garbage.strip());
        varied.add("garbage credentials " + abbreviate(garbage, 30));
    }

    private byte[] body(Endpoint endpoint, List<String> varied) {
        Object valid = endpoint.validBody() == null ? null : endpoint.validBody().get();
        if (valid == null) {
            if (!chance(20)) {
                return null;
            }
            varied.add("unexpected body");
            return utf8(randomJson(3).toString());
        }
        JsonNode node = JSON.valueToTree(valid);
        int dice = random.nextInt(100);
        if (dice < 25) {
            return utf8(node.toString());
        }
        if (dice < 60) {
            int mutations = 1 + random.nextInt(3);
            for (int i = 0; i < mutations; i++) {
                varied.add(mutate(node));
            }
            return utf8(node.toString());
        }
        if (dice < 68) {
            varied.add("random JSON");
            return utf8(randomJson(4).toString());
        }
        if (dice < 78) {
            String text = node.toString();
            int kind = random.nextInt(5);
            varied.add("malformed JSON (" + kind + ")");
            return utf8(switch (kind) {
                case 0 -> text.substring(0, random.nextInt(Math.max(1, text.length())));
                case 1 -> text.replaceFirst(",", ",,");
                case 2 -> text.replace('"', '\'');
                case 3 -> text + "}";
                default -> text.substring(0, text.length() / 2) + pick(NASTY) + text.substring(text.length() / 2);
            });
        }
        if (dice < 83) {
            byte[] bytes = new byte[random.nextInt(600)];
            random.nextBytes(bytes);
            varied.add("random bytes");
            return bytes;
        }
        if (dice < 87) {
            varied.add("empty body");
            return new byte[0];
        }
        if (dice < 94) {
            int size = pick(List.of(9_000, 20_000, 70_000, 300_000));
            if (node instanceof ObjectNode object) {
                object.put("notes", "é".repeat(size / 2));
            }
            varied.add("huge body (~" + size + " bytes)");
            return utf8(node.toString());
        }
        int depth = pick(List.of(500, 2_000, 20_000));
        varied.add("nested " + depth + " deep");
        return utf8("[".repeat(depth) + "]".repeat(depth));
    }

    private void contentType(byte[] body, Map<String, String> headers, List<String> varied) {
        if (body == null && !chance(5)) {
            return;
        }
        int dice = random.nextInt(100);
        if (dice < 80) {
            headers.put("Content-Type", "application/json");
            return;
        }
        String type = pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
                "application/json;charset=klingon", "application/octet-stream", "application/problem+json", "*/*", "garbage"));
        if (dice < 95) {
            headers.put("Content-Type", type);
            varied.add("Content-Type " + type);
        } else {
            varied.add("no Content-Type");
        }
    }

    /** Changes one field somewhere in the tree: removed, renamed, or given a nasty value of another type. */
    private String mutate(JsonNode root) {
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(root, objects);
        if (objects.isEmpty()) {
            return "no field to mutate";
        }
        ObjectNode target = pick(objects);
        List<String> fields = new ArrayList<>();
        target.fieldNames().forEachRemaining(fields::add);
        if (fields.isEmpty() || chance(10)) {
            String name = pick(NASTY);
            target.set(name, randomValue());
            return "added field " + abbreviate(name, 20);
        }
        String field = pick(fields);
        int kind = random.nextInt(4);
        if (kind == 0) {
            target.remove(field);
            return "removed " + field;
        }
        if (kind == 1) {
            target.set(field, NODES.textNode(pick(NASTY)));
            return field + " nasty string";
        }
        if (kind == 2) {
            target.putNull(field);
            return field + " null";
        }
        target.set(field, randomValue());
        return field + " wrong type";
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            collectObjects(it.next(), objects);
        }
    }

    private JsonNode randomValue() {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.numberNode(random.nextLong());
            case 1 -> NODES.numberNode(random.nextDouble() * 1e300);
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.arrayNode().add(pick(NASTY)).add(random.nextInt());
            case 4 -> NODES.objectNode().put(pick(NASTY), pick(NASTY));
            case 5 -> NODES.textNode("x".repeat(random.nextInt(20_000)));
            default -> NODES.textNode(pick(NASTY));
        };
    }

    private JsonNode randomJson(int depth) {
        if (depth == 0 || chance(30)) {
            return randomValue();
        }
        if (random.nextBoolean()) {
            ArrayNode array = NODES.arrayNode();
            for (int i = random.nextInt(4); i > 0; i--) {
                array.add(randomJson(depth - 1));
            }
            return array;
        }
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(5); i > 0; i--) {
            object.set(pick(NASTY), randomJson(depth - 1));
        }
        return object;
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Percent-encodes everything but unreserved characters, so any value reaches the server as sent. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Header values may only hold visible ASCII and spaces (the HTTP client refuses the rest). */
    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.chars().filter(c -> c >= 0x20 && c < 0x7f).forEach(c -> out.append((char) c));
        return out.toString().strip();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String abbreviate(String text, int max) {
        if (text == null) {
            return "null";
        }
        String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…(" + oneLine.length() + ")";
    }
}
