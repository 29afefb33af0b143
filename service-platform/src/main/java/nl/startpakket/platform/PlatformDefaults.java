package nl.startpakket.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code startpakket-platform.yml} as the lowest-precedence property source: the settings
 * every service shares (Kafka producer safety, dead letters, Axon serialisation, actuator), which
 * a service's own {@code application.yml}, a profile or the environment can override. Also turns
 * off Axon's update check (an operator may turn it on with {@code AXONIQ_UPDATE_CHECKER_DISABLED=false}).
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "startpakket-platform.yml";

    /** Axon's update checker reads only this system property (or an environment variable), not Spring's properties. */
    static final String AXON_UPDATE_CHECK_DISABLED = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // no anonymous usage report to AxonIQ: the services run offline, and each attempt logged a stack trace
        if (System.getProperty(AXON_UPDATE_CHECK_DISABLED) == null && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty(AXON_UPDATE_CHECK_DISABLED, "true");
        }
        try {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
