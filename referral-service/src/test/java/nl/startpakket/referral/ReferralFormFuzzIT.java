package nl.startpakket.referral;

import static nl.startpakket.platform.testing.HttpFuzzer.SEED;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.IntermediaryType;
import nl.startpakket.events.Phase;
import nl.startpakket.platform.testing.HttpFuzzer;
import nl.startpakket.platform.testing.ServiceIntegrationTest;
import nl.startpakket.referral.api.partner.PartnerTerms;
import nl.startpakket.referral.partner.PartnerAdministration;
import nl.startpakket.referral.web.ReferralRequest;
import nl.startpakket.referral.web.ReferralRules;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Fuzzes the partner's web form (signed in, with and without a valid CSRF token): the pages never
 * answer 5xx, and every referral the form stored was valid by the same rules as the API. Pages
 * answer HTML (a 302 after a stored referral, the form again with messages, 403 without CSRF), so
 * problem+json is not expected here. Seeded ({@code -Dfuzz.seed}), {@code -Dfuzz.inputs} inputs
 * per page endpoint; the count is printed and written to {@code target/fuzz-report-referral-form.txt}.
 */
@ServiceIntegrationTest
class ReferralFormFuzzIT {

    static final int PER_ENDPOINT = HttpFuzzer.INPUTS_PER_ENDPOINT;
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
    static final Pattern CREATED = Pattern.compile("/referrals/(R-[0-9a-f-]{36})$");

    @LocalServerPort
    int port;

    @Autowired
    PartnerAdministration partners;


    @Autowired
    ReferralRules rules;

    final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void theWebFormNeverFailsAndStoresNoInvalidReferral() throws Exception {
        Random random = new Random(SEED);
        String partner = "fuzz-form-" + UUID.randomUUID().toString().substring(0, 8);
        partners.put("it-coordinator", partner, new PartnerTerms("Fuzz form", IntermediaryType.MIDWIFE, List.of("GM0406"), true));
        partners.putUser("it-coordinator", partner, partner, "a fuzzing password");
        signIn(partner, "a fuzzing password");
        String csrf = csrfOf(get("/referrals/new").body());
        List<String> existing = new ArrayList<>();
        existing.add(created(post("/referrals", form(validFields(random), csrf))).orElseThrow());

        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> inputs = new LinkedHashMap<>();
        List<String> violations = new ArrayList<>();
        List<Map<String, String>> storedFrom = new ArrayList<>();
        for (int i = 0; i < PER_ENDPOINT; i++) {
            Map<String, String> fields = fuzzedFields(random);
            String token = random.nextInt(100) < 90 ? csrf : random.nextBoolean() ? null : "not-the-token";
            HttpResponse<String> response = post("/referrals", form(fields, token));
            record(statuses, inputs, violations, "POST /referrals", response, fields.toString());
            created(response).ifPresent(id -> {
                storedFrom.add(fields);
                existing.add(id);
            });
        }
        for (int i = 0; i < PER_ENDPOINT; i++) {
            String id = random.nextInt(100) < 60 ? existing.get(random.nextInt(existing.size())) : pick(random, HttpFuzzer.NASTY);
            String path = "/referrals/" + URLEncoder.encode(id.isEmpty() ? "x" : id, StandardCharsets.UTF_8).replace("+", "%20");
            HttpResponse<String> view = get(path + (random.nextInt(4) == 0 ? "?lang=" + URLEncoder.encode(pick(random,
                    HttpFuzzer.NASTY), StandardCharsets.UTF_8) : ""));
            record(statuses, inputs, violations, "GET /referrals/{id}", view, path);
            Map<String, String> cancel = new LinkedHashMap<>();
            cancel.put("reason", random.nextBoolean() ? "MOVED_AWAY" : pick(random, HttpFuzzer.NASTY));
            HttpResponse<String> cancelled = post(path + "/cancel", form(cancel, random.nextInt(100) < 90 ? csrf : null));
            record(statuses, inputs, violations, "POST /referrals/{id}/cancel", cancelled, path + " " + cancel);
            String status = random.nextInt(3) == 0 ? pick(random, HttpFuzzer.NASTY) : "ACCEPTED";
            HttpResponse<String> list = get("/referrals?status=" + URLEncoder.encode(status, StandardCharsets.UTF_8));
            record(statuses, inputs, violations, "GET /referrals", list, status);
            record(statuses, inputs, violations, "GET /referrals/new", get("/referrals/new"), "");
        }

        int total = inputs.values().stream().mapToInt(Integer::intValue).sum();
        String summary = "referral-service web form fuzz (seed " + SEED + "): " + total + " inputs over " + inputs.size()
                + " page endpoints " + inputs + "; answers by status " + statuses + "; referrals stored from the form: "
                + storedFrom.size() + "; violations " + violations.size() + "\n";
        System.out.println(summary);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/fuzz-report-referral-form.txt"), summary + String.join("\n", violations) + "\n");

        assertThat(violations.isEmpty()).as("%d violations, the first:%n%s", violations.size(),
                String.join("\n", violations.subList(0, Math.min(25, violations.size())))).isTrue();
        for (Map<String, String> fields : storedFrom) {
            ReferralRequest request = asTheFormReadsIt(fields);
            assertThat(request).as("stored from unreadable fields %s", fields).isNotNull();
            assertThat(rules.check(request)).as("stored from invalid fields %s", fields).isEmpty();
        }
    }

    static void record(Map<Integer, Integer> statuses, Map<String, Integer> inputs, List<String> violations, String endpoint,
                       HttpResponse<String> response, String input) {
        statuses.merge(response.statusCode(), 1, Integer::sum);
        inputs.merge(endpoint, 1, Integer::sum);
        if (response.statusCode() >= 500 || response.statusCode() < 200) {
            violations.add(response.statusCode() + " for " + endpoint + " " + abbreviate(input) + " -> " + abbreviate(response.body()));
        }
    }

    Map<String, String> validFields(Random random) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("municipality", "GM0406");
        fields.put("phase", "BABY");
        fields.put("expectedDueDate", LocalDate.now().plusWeeks(12 + random.nextInt(20)).toString());
        fields.put("parent.name", "F. Ormulier");
        fields.put("parent.street", "Webstraat");
        fields.put("parent.houseNumber", Integer.toString(1 + random.nextInt(999)));
        fields.put("parent.postalCode", (1000 + random.nextInt(9000)) + " " + (char) ('A' + random.nextInt(17)) + (char) ('B' + random.nextInt(16)));
        fields.put("parent.city", "Huizen");
        fields.put("parent.phone", "0612345678");
        fields.put("parent.email", "form@example.org");
        fields.put("deliveryMethod", random.nextBoolean() ? "HOME_DELIVERY" : "PICKUP_BY_INTERMEDIARY");
        fields.put("consentFollowUp", random.nextBoolean() ? "true" : "false");
        fields.put("notes", "form fuzz");
        return fields;
    }

    Map<String, String> fuzzedFields(Random random) {
        Map<String, String> fields = validFields(random);
        if (random.nextInt(4) == 0) {
            fields.put("phase", "TODDLER");
            fields.put("childBirthDate", LocalDate.now().minusMonths(4 + random.nextInt(18)).toString());
        }
        int mutations = random.nextInt(4);
        List<String> names = new ArrayList<>(fields.keySet());
        names.add("parent");
        names.add("class.module.classLoader.DefaultAssertionStatus");
        for (int i = 0; i < mutations; i++) {
            String name = pick(random, names);
            switch (random.nextInt(3)) {
                case 0 -> fields.remove(name);
                case 1 -> fields.put(name, pick(random, HttpFuzzer.NASTY));
                default -> fields.put(name, "é".repeat(random.nextInt(3000)));
            }
        }
        return fields;
    }

    /** The fields read the way the form reads them (trimmed enums and ISO dates; a due date only for BABY). */
    static ReferralRequest asTheFormReadsIt(Map<String, String> fields) {
        try {
            // the form starts with BABY selected: a form without the field is a BABY referral
            Phase phase = Phase.valueOf(fields.getOrDefault("phase", "BABY").trim());
            LocalDate due = phase == Phase.BABY ? LocalDate.parse(fields.get("expectedDueDate").trim()) : null;
            LocalDate birth = phase == Phase.TODDLER ? LocalDate.parse(fields.get("childBirthDate").trim()) : null;
            DeliveryMethod method = DeliveryMethod.valueOf(fields.getOrDefault("deliveryMethod", "").trim());
            String consent = fields.get("consentFollowUp");
            Boolean consentFollowUp = consent == null ? null : switch (consent.trim().toLowerCase()) {
                case "true", "on", "yes", "1" -> true;
                case "false", "off", "no", "0" -> false;
                default -> null;
            };
            String municipality = fields.get("municipality");
            return new ReferralRequest(municipality == null || municipality.isBlank() ? null : municipality.trim(), phase, due, birth,
                    new ReferralRequest.ParentRequest(fields.get("parent.name"), fields.get("parent.street"), fields.get("parent.houseNumber"),
                            fields.get("parent.postalCode"), fields.get("parent.city"), fields.get("parent.phone"), fields.get("parent.email")),
                    method, consentFollowUp, fields.get("notes"));
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            return null;
        }
    }

    void signIn(String username, String password) throws Exception {
        String token = csrfOf(get("/login").body());
        Map<String, String> login = new LinkedHashMap<>();
        login.put("username", username);
        login.put("password", password);
        HttpResponse<String> response = post("/login", form(login, token));
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/referrals");
    }

    static String csrfOf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    static java.util.Optional<String> created(HttpResponse<String> response) {
        if (response.statusCode() != 302) {
            return java.util.Optional.empty();
        }
        Matcher matcher = CREATED.matcher(response.headers().firstValue("Location").orElse(""));
        return matcher.find() ? java.util.Optional.of(matcher.group(1)) : java.util.Optional.empty();
    }

    static String form(Map<String, String> fields, String csrf) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (csrf != null) {
            all.put("_csrf", csrf);
        }
        return all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static String abbreviate(String text) {
        String oneLine = text == null ? "null" : text.replace('\n', ' ');
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }
}
