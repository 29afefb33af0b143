package nl.startpakket.referral.config;

import java.time.Clock;
import nl.startpakket.platform.privacy.PrivacyConfiguration;
import nl.startpakket.referral.privacy.ReferralErasure;
import nl.startpakket.referral.privacy.RetentionJob;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Crypto-shredding (the key vault, the delivery key transport) and the scheduled retention rule. */
@Configuration(proxyBeanMethods = false)
@Import(PrivacyConfiguration.class)
@EnableScheduling
public class PrivacyConfig {

    @Bean
    @ConditionalOnProperty(name = "startpakket.referral.retention.enabled", havingValue = "true", matchIfMissing = true)
    public RetentionJob retentionJob(ReferralErasure erasure, Clock clock) {
        return new RetentionJob(erasure, clock);
    }
}
