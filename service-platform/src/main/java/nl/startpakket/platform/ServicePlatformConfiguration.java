package nl.startpakket.platform;

import java.time.Clock;
import java.time.ZoneId;
import nl.startpakket.platform.axon.AxonMongoConfiguration;
import nl.startpakket.platform.messaging.MessagingConfiguration;
import nl.startpakket.platform.security.StaffSecurityConfiguration;
import nl.startpakket.platform.web.ApiProblemHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * What every Startpakket service stands on. A service imports this from its own {@code config}
 * package (not from its application class, so web slice tests stay light).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformProperties.class)
@Import({AxonMongoConfiguration.class, MessagingConfiguration.class, StaffSecurityConfiguration.class, ApiProblemHandler.class})
public class ServicePlatformConfiguration {

    /** Business dates are Dutch dates. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.system(ZONE);
    }
}
