package nl.startpakket.reporting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.startpakket.platform.ServicePlatformConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Reporting's integration tests run on a day inside the known history ({@link EvaluationHistory}):
 * "today" picks the default period of a report and anchors its forecasts, so it is part of the
 * history the tests check, and a run next year sees the same figures. Time flows on from that day.
 * A plain {@code @Configuration} in the service's package, so every context of these tests scans
 * it and they keep sharing one.
 */
@Configuration(proxyBeanMethods = false)
class KnownHistoryToday {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Bean
    @Primary
    Clock knownHistoryClock() {
        Instant start = TODAY.atTime(10, 0).atZone(ServicePlatformConfiguration.ZONE).toInstant();
        return Clock.offset(Clock.system(ServicePlatformConfiguration.ZONE), Duration.between(Instant.now(), start));
    }
}
