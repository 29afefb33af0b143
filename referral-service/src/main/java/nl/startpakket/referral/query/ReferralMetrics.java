package nl.startpakket.referral.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.startpakket.referral.api.ReferralAcceptedEvent;
import nl.startpakket.referral.api.ReferralCancelledEvent;
import nl.startpakket.referral.api.ReferralRejectedEvent;
import nl.startpakket.referral.api.ReferralSubmittedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Business counters: {@code startpakket.referrals.submitted|accepted|rejected|cancelled|erased}, tagged by
 * municipality and phase (and the reason for rejections). No personal data in any tag.
 */
@Component
@ProcessingGroup("referral-metrics")
public class ReferralMetrics {

    private final MeterRegistry registry;

    public ReferralMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventHandler
    void on(ReferralSubmittedEvent event) {
        counter("submitted", event.municipality(), event.phase().name(), "none").increment();
    }

    @EventHandler
    void on(ReferralAcceptedEvent event) {
        counter("accepted", event.municipality(), event.phase().name(), "none").increment();
    }

    @EventHandler
    void on(ReferralRejectedEvent event) {
        counter("rejected", event.municipality(), event.phase().name(), event.reason()).increment();
    }

    @EventHandler
    void on(ReferralCancelledEvent event) {
        counter("cancelled", event.municipality(), event.phase().name(), event.reason()).increment();
    }

    @EventHandler
    void on(nl.startpakket.referral.api.ReferralDataErasedEvent event) {
        counter("erased", event.municipality(), event.phase().name(), event.reason().name()).increment();
    }

    private Counter counter(String what, String municipality, String phase, String reason) {
        return Counter.builder("startpakket.referrals." + what)
                .description("Referrals " + what)
                .tag("municipality", municipality)
                .tag("phase", phase)
                .tag("reason", reason == null ? "none" : reason)
                .register(registry);
    }
}
