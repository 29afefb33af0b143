package nl.startpakket.identity.config;

import nl.startpakket.identity.command.StaffAccount;
import nl.startpakket.platform.ServicePlatformConfiguration;
import nl.startpakket.platform.axon.AggregateCaches;
import nl.startpakket.platform.web.ProblemResponsesConfiguration;
import org.axonframework.common.caching.Cache;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Stands this service on the shared platform without Kafka (Axon on MongoDB, problem+json, audit):
 * it exchanges no events. It is the identity provider itself, so it does not take another
 * provider's tokens.
 */
@Configuration(proxyBeanMethods = false)
@Import({ServicePlatformConfiguration.PlatformCoreConfiguration.class, ProblemResponsesConfiguration.class})
@EnableConfigurationProperties(IdentityServerProperties.class)
public class PlatformConfig {

    /** Accounts are few and long-lived: keep them all. */
    @Bean
    public Cache staffAccountCache(AggregateCaches caches) {
        return caches.create("staff-account", StaffAccount.class, 10_000);
    }
}
