package nl.startpakket.fulfilment.config;

import nl.startpakket.fulfilment.command.template.PackageTemplate;
import nl.startpakket.fulfilment.command.stock.StockItem;
import nl.startpakket.fulfilment.command.job.PackingJob;
import java.time.Clock;
import nl.startpakket.fulfilment.command.job.DeadlinePolicy;
import org.axonframework.common.caching.Cache;
import nl.startpakket.platform.axon.AggregateCaches;
import nl.startpakket.fulfilment.process.StaleClaimReleaser;
import nl.startpakket.fulfilment.query.JobQueueQueries;
import nl.startpakket.fulfilment.query.UrgencyRule;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The packing rules that are configuration (deadlines, urgency, stale claims) and the default catalogue. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FulfilmentProperties.class)
@EnableScheduling
public class FulfilmentConfig {

    /** Handed to the aggregate as an injectable resource. */
    @Bean
    public DeadlinePolicy deadlinePolicy(FulfilmentProperties properties) {
        return new DeadlinePolicy(properties.getBabyDeadlineMargin(), properties.getToddlerDeadlineDays());
    }

    @Bean
    @ConditionalOnProperty(name = "startpakket.fulfilment.seed-catalogue", havingValue = "true", matchIfMissing = true)
    public CatalogueSeeder catalogueSeeder(CommandGateway commands, Environment environment) {
        return new CatalogueSeeder(commands, environment);
    }

    @Bean
    public UrgencyRule urgencyRule(Clock clock, FulfilmentProperties properties) {
        return new UrgencyRule(clock, properties.getAtRiskDays());
    }

    @Bean
    public StaleClaimReleaser staleClaimReleaser(JobQueueQueries queries, CommandGateway commands, Clock clock,
                                                 FulfilmentProperties properties) {
        return new StaleClaimReleaser(queries, commands, clock, properties.getStaleClaimAfter());
    }

    @Bean
    public Cache packingJobCache(AggregateCaches caches) {
        return caches.create("packingJob", PackingJob.class, 2_000);
    }

    /** Every packed job takes its items from stock: a few hundred long-lived stock items. */
    @Bean
    public Cache stockItemCache(AggregateCaches caches) {
        return caches.create("stockItem", StockItem.class, 1_000);
    }

    @Bean
    public Cache packageTemplateCache(AggregateCaches caches) {
        return caches.create("packageTemplate", PackageTemplate.class, 100);
    }
}
