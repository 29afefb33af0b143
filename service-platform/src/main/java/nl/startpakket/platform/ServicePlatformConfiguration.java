package nl.startpakket.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import nl.startpakket.platform.audit.AuditConfiguration;
import nl.startpakket.platform.axon.AxonMongoConfiguration;
import nl.startpakket.platform.deadletter.DeadLetterConfiguration;
import nl.startpakket.platform.messaging.MessagingConfiguration;
import com.mongodb.client.MongoClient;
import nl.startpakket.platform.health.MongoPingHealthIndicator;
import nl.startpakket.platform.municipalities.MunicipalityRegisterConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoProperties;
import nl.startpakket.platform.security.ProblemSecurityHandlers;
import nl.startpakket.platform.web.ApiProblemHandler;
import nl.startpakket.platform.web.PageLanguageConfiguration;
import nl.startpakket.platform.web.RequestBodyLimitFilter;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What every Startpakket service stands on. A service imports this from its own {@code config}
 * package (not from its application class, so web slice tests stay light), with
 * {@link nl.startpakket.platform.security.StaffSecurityConfiguration} where it takes the identity
 * provider's staff tokens.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformProperties.class)
@Import({ServicePlatformConfiguration.PlatformCoreConfiguration.class, DeadLetterConfiguration.class, MessagingConfiguration.class})
public class ServicePlatformConfiguration {

    /**
     * The platform without Kafka: Axon on MongoDB, audit, the municipality register, problem+json,
     * page language, the clock and health. For a service that exchanges no events (the identity
     * provider), which then need not bring Spring Cloud Stream at all.
     */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PlatformProperties.class)
    @Import({AuditConfiguration.class, AxonMongoConfiguration.class, MunicipalityRegisterConfiguration.class,
            ApiProblemHandler.class, PageLanguageConfiguration.class, ServicePlatformConfiguration.PlatformBeans.class})
    public static class PlatformCoreConfiguration {
    }

    /** Business dates are Dutch dates. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /** The beans every service shares (body limit, password encoder, 401/403 handlers, MongoDB health, clock). */
    @Configuration(proxyBeanMethods = false)
    public static class PlatformBeans {

        /**
         * Request bodies above {@code startpakket.http.max-body-bytes} (default 64 KiB) are refused
         * with 413; on {@code startpakket.http.upload-paths} (none by default) above
         * {@code startpakket.http.max-upload-bytes} (default 8 MiB).
         */
        @Bean
        public FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
                @Value("${startpakket.http.max-body-bytes:65536}") long maxBodyBytes,
                @Value("${startpakket.http.upload-paths:}") java.util.List<String> uploadPaths,
                @Value("${startpakket.http.max-upload-bytes:8388608}") long maxUploadBytes) {
            FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                    new RequestBodyLimitFilter(maxBodyBytes, uploadPaths.stream().filter(p -> !p.isBlank()).toList(), maxUploadBytes));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }

        @Bean
        public PasswordEncoder passwordEncoder() {
            return PasswordEncoderFactories.createDelegatingPasswordEncoder();
        }

        /**
         * MongoDB's health as {@code mongo}, by a ping that every MongoDB-compatible server answers
         * (Spring Boot's indicator is off: {@code management.health.mongo.enabled=false}).
         */
        @Bean(name = "mongoHealthIndicator")
        public MongoPingHealthIndicator mongoHealthIndicator(MongoClient client, MongoProperties mongo) {
            return new MongoPingHealthIndicator(client, mongo.getMongoClientDatabase());
        }

        /** 401 and 403 of every chain as problem+json. */
        @Bean
        public ProblemSecurityHandlers problemSecurityHandlers() {
            return new ProblemSecurityHandlers();
        }

        /**
         * The business clock: Dutch time, or {@code startpakket.clock.offset} ahead of it (an ISO
         * duration such as {@code P1D}). The offset is for calendar tests and demos only, e.g. to let
         * a day pass for invoicing; it moves business dates, never token or event-store times.
         */
        @Bean
        @ConditionalOnMissingBean
        public Clock clock(@Value("${startpakket.clock.offset:PT0S}") Duration offset) {
            if (offset.isZero()) {
                return Clock.system(ZONE);
            }
            LoggerFactory.getLogger(ServicePlatformConfiguration.class).warn(
                    "Business dates run {} ahead of the system clock (startpakket.clock.offset): for tests and demos only", offset);
            return Clock.offset(Clock.system(ZONE), offset);
        }
    }
}
