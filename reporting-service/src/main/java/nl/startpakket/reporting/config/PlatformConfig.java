package nl.startpakket.reporting.config;

import nl.startpakket.platform.ServicePlatformConfiguration;
import nl.startpakket.platform.security.StaffSecurityConfiguration;
import nl.startpakket.platform.web.ProblemResponsesConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Stands this service on the shared platform (Axon on MongoDB, Kafka in and out, security, errors). */
@Configuration(proxyBeanMethods = false)
@Import({ServicePlatformConfiguration.class, StaffSecurityConfiguration.class, ProblemResponsesConfiguration.class})
public class PlatformConfig {
}
