package nl.startpakket.billing.config;

import nl.startpakket.billing.command.routing.FundingRouting;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the routing policy (kept free of Spring in the command package) as an Axon event handler. */
@Configuration(proxyBeanMethods = false)
public class AxonConfig {

    @Bean
    public FundingRouting fundingRouting(CommandGateway commandGateway) {
        return new FundingRouting(commandGateway);
    }
}
