package nl.startpakket.billing.config;

import nl.startpakket.billing.api.SellerParty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** The foundation as seller, checked for e-invoices at startup. */
@Configuration(proxyBeanMethods = false)
public class InvoicingConfig {

    @Bean
    public SellerParty seller(BillingProperties properties, Environment environment) {
        return SellerSettings.resolve(properties.getSeller(), environment.acceptsProfiles(Profiles.of("demo")));
    }
}
