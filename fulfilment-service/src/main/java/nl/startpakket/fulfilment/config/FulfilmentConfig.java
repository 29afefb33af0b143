package nl.startpakket.fulfilment.config;

import nl.startpakket.fulfilment.command.DeadlinePolicy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The packing rules that are configuration, handed to the aggregate as injectable resources. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FulfilmentProperties.class)
public class FulfilmentConfig {

    @Bean
    public DeadlinePolicy deadlinePolicy(FulfilmentProperties properties) {
        return new DeadlinePolicy(properties.getBabyDeadlineMargin(), properties.getToddlerDeadlineDays());
    }
}
