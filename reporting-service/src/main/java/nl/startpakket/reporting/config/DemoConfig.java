package nl.startpakket.reporting.config;

import nl.startpakket.reporting.query.EvaluationProjection;
import nl.startpakket.reporting.query.EvaluationStore;
import nl.startpakket.reporting.query.ProjectionVersions;
import nl.startpakket.reporting.query.SimulatedPilotHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Profile {@code demo} only: the simulated 2024 Huizen pilot history, put into the projections
 * at startup (idempotent: a restart changes nothing) and into every version a rebuild makes.
 * Marked as simulated in the data and on every page, export and report that shows it.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
public class DemoConfig {

    private static final Logger log = LoggerFactory.getLogger(DemoConfig.class);

    @Bean
    public SimulatedPilotHistory simulatedPilotHistory(EvaluationProjection projection, EvaluationStore store) {
        return new SimulatedPilotHistory(projection, store);
    }

    @Bean
    public ApplicationListener<ApplicationReadyEvent> seedSimulatedPilotHistory(SimulatedPilotHistory history,
                                                                               ProjectionVersions versions) {
        return event -> {
            for (int version : versions.writable()) {
                history.seed(version);
            }
            log.info("Demo: the SIMULATED Huizen pilot 2024 history is in the projections ({})",
                    SimulatedPilotHistory.CONTRACT);
        };
    }
}
