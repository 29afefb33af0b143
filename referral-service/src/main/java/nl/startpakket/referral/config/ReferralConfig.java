package nl.startpakket.referral.config;

import nl.startpakket.referral.command.Referral;
import nl.startpakket.referral.command.partner.Partner;
import nl.startpakket.referral.command.HouseholdKeys;
import org.axonframework.common.caching.Cache;
import nl.startpakket.platform.axon.AggregateCaches;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The referral domain's wiring: the household key with its secret from configuration, the aggregate caches. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReferralProperties.class)
public class ReferralConfig {

    @Bean
    public HouseholdKeys householdKeys(ReferralProperties properties) {
        return new HouseholdKeys(properties.getHouseholdSecret());
    }

    /** A referral takes several commands in its first days (funding, packing, delivery): they hit the cache. */
    @Bean
    public Cache referralCache(AggregateCaches caches) {
        return caches.create("referral", Referral.class, 2_000);
    }

    /** A partner lives long and every command replays all its keys and users: it is kept in the cache (ADR 0004). */
    @Bean
    public Cache partnerCache(AggregateCaches caches) {
        return caches.create("partner", Partner.class, 1_000);
    }
}
