package nl.startpakket.localstack;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for a service in {@link ServiceProcessTest}: serves readiness UP on
 * {@code SERVER_PORT}, says so when it stops gracefully, exits at once when {@code FAIL} is set.
 */
public final class FakeService {

    public static void main(String[] args) throws Exception {
        if (System.getenv("FAIL") != null) {
            System.out.println("boom: " + System.getenv("FAIL"));
            System.exit(3);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getenv("SERVER_PORT"))), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            System.out.println("stopped gracefully");
        }));
        server.start();
        System.out.println("listening on " + System.getenv("SERVER_PORT"));
    }
}
