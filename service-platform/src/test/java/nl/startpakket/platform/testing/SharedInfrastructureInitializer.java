package nl.startpakket.platform.testing;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at the shared broker and Mongo server, and at this JVM's test identity
 * provider ({@link TestIdentityProvider}, with HTTP Basic for the test accounts). The same initializer on every
 * test class keeps Spring's context cache effective.
 */
public class SharedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("shared-test-infrastructure", Map.of(
                "spring.cloud.stream.kafka.binder.brokers", SharedTestInfrastructure.kafkaBootstrapServers(),
                "spring.kafka.bootstrap-servers", SharedTestInfrastructure.kafkaBootstrapServers(),
                "spring.data.mongodb.uri", SharedTestInfrastructure.mongoUri(),
                "startpakket.identity.issuer", TestIdentityProvider.get().issuer(),
                "startpakket.identity.client-id", TestIdentityProvider.CLIENT_ID,
                "startpakket.identity.client-secret", TestIdentityProvider.CLIENT_SECRET,
                "startpakket.identity.basic-credentials", "true")));
    }
}
