package nl.startpakket.platform.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner's webhook endpoint in the test JVM (the JDK's HTTP server on 127.0.0.1, a free port):
 * records every request with its Standard Webhooks headers and answers {@link #answer(int)} (204
 * unless told otherwise, e.g. 503 while "down"). It checks signatures the way a receiver would,
 * by the spec, not with the product's code.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived, and what it was answered. */
    public record Call(String webhookId, String timestamp, String signature, String contentType, String body, int answered) {

        public boolean accepted() {
            return answered >= 200 && answered < 300;
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new ArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(204);

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", exchange -> {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                int status = receiver.answer.get();
                var headers = exchange.getRequestHeaders();
                synchronized (receiver.calls) {
                    receiver.calls.add(new Call(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                            headers.getFirst("webhook-signature"), headers.getFirst("Content-Type"),
                            new String(body, StandardCharsets.UTF_8), status));
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>/<path>}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    /** What every next request is answered (204: up; 503: down). */
    public void answer(int status) {
        answer.set(status);
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The accepted calls by webhook id, each id once, in the order of its first accepted arrival; with how often it was accepted. */
    public Map<String, Integer> acceptedById() {
        Map<String, Integer> accepted = new LinkedHashMap<>();
        calls().stream().filter(Call::accepted).forEach(call -> accepted.merge(call.webhookId(), 1, Integer::sum));
        return accepted;
    }

    /** Whether the call's {@code webhook-signature} is HMAC-SHA256 of {@code id.timestamp.body} with the {@code whsec_} secret. */
    public static boolean signedWith(Call call, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected = mac.doFinal((call.webhookId() + "." + call.timestamp() + "." + call.body()).getBytes(StandardCharsets.UTF_8));
            for (String candidate : call.signature().split(" ")) {
                if (candidate.startsWith("v1,") && MessageDigest.isEqual(Base64.getDecoder().decode(candidate.substring(3)), expected)) {
                    return true;
                }
            }
            return false;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
