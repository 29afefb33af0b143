package nl.startpakket.referral;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * An SMTP server (GreenMail) in the test JVM, started once on a free port, and every Spring
 * context of the tests pointed at it ({@code spring.mail.host/port}; registered in
 * {@code META-INF/spring.factories}, so the shared context of the integration tests stays one).
 */
public class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static GreenMail server;

    public static synchronized GreenMail get() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-mail-server-stop"));
        }
        return server;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-mail-server", Map.of(
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", get().getSmtp().getPort())));
    }
}
