package nl.startpakket.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A coordinator importing a municipality's history (issue 13): a generated CSV of past referrals
 * and deliveries of Heerlen over 2019–2023, the way its spreadsheet looks (Dutch headers, dates as
 * dd-MM-yyyy, a name column that is never read), sent to {@code POST /api/v1/imports} as a dry run
 * and then as the import; the same file once more answers "already imported".
 */
final class HistoricImportLoad {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String imports;
    private final String metrics;

    HistoricImportLoad(String referralServiceBaseUrl) {
        this.imports = referralServiceBaseUrl + "/api/v1/imports";
        this.metrics = referralServiceBaseUrl + "/actuator/metrics/jvm.gc.pause";
    }

    /** The service's garbage collections so far (Micrometer's {@code jvm.gc.pause}): their time, and how many were full (major). */
    record Collections(double seconds, long fullCount) {

        Collections since(Collections before) {
            return new Collections(seconds - before.seconds, fullCount - before.fullCount);
        }
    }

    Collections collections() throws IOException, InterruptedException {
        return new Collections(statistic(metric(""), "TOTAL_TIME"),
                (long) statistic(metric("?tag=action:end%20of%20major%20GC"), "COUNT"));
    }

    /** The metric, or null when it has no such measurement yet (no full collection so far answers 404). */
    private JsonNode metric(String query) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(metrics + query)).timeout(Duration.ofSeconds(10))
                .header("Authorization", ReferralClient.basic("coordinator")).GET().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? Events.JSON.readTree(response.body()) : null;
    }

    private static double statistic(JsonNode metric, String name) {
        if (metric == null) {
            return 0;
        }
        for (JsonNode measurement : metric.path("measurements")) {
            if (name.equals(measurement.path("statistic").asText())) {
                return measurement.path("value").asDouble();
            }
        }
        return 0;
    }

    /** One answer: HTTP status, seconds from sending to the last byte, the JSON. */
    record Answer(int status, double seconds, JsonNode body) {
    }

    /** {@code rows} rows with references unique to this file, so every file brings new referrals. */
    static byte[] file(int rows) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String[] types = {"gemeente", "verloskundige", "consultatiebureau", "wijkteam", "overig"};
        StringBuilder csv = new StringBuilder("Referentie;Naam;Gemeente;Fase;Soort verwijzer;Aanmelddatum;Leverdatum;Gefactureerd\r\n");
        LocalDate first = LocalDate.of(2019, 1, 1);
        for (int i = 0; i < rows; i++) {
            LocalDate referred = first.plusDays(i % 1_800);
            boolean delivered = i % 7 != 6;
            csv.append("bench-").append(run).append('-').append(i).append(";Ouder ").append(i).append(";GM0917;")
                    .append(i % 2 == 0 ? "baby" : "peuter").append(';').append(types[i % types.length]).append(';')
                    .append(dutch(referred)).append(';').append(delivered ? dutch(referred.plusDays(5 + i % 30)) : "").append(';')
                    .append(delivered ? (i % 3 == 0 ? "nee" : "ja") : "nee").append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String dutch(LocalDate date) {
        return String.format("%02d-%02d-%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    Answer send(byte[] file, boolean dryRun) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(imports + "?dryRun=" + dryRun + "&fileName=benchmark.csv"))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", ReferralClient.basic("coordinator"))
                .header("Content-Type", "text/csv")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                .build();
        long begin = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new Answer(response.statusCode(), seconds, Events.JSON.readTree(response.body()));
    }
}
