package nl.startpakket.referral.config;

import nl.startpakket.referral.command.notification.Notification;
import nl.startpakket.platform.axon.AggregateCaches;
import nl.startpakket.referral.command.notification.RetryPolicy;
import org.axonframework.common.caching.Cache;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Partner notifications: the retry policy the notification aggregate applies, its cache. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationConfig {

    @Bean
    public RetryPolicy notificationRetryPolicy(NotificationProperties properties) {
        return properties.retryPolicy();
    }

    /** A notification takes a few commands in its first seconds (claim, outcome): they hit the cache. */
    @Bean
    public Cache notificationCache(AggregateCaches caches) {
        return caches.create("notification", Notification.class, 2_000);
    }
}
