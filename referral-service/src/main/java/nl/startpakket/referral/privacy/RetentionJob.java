package nl.startpakket.referral.privacy;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the retention rule on a schedule ({@code startpakket.referral.retention.check-interval}),
 * at the time of the injected {@link Clock}.
 */
public class RetentionJob {

    private final ReferralErasure erasure;
    private final Clock clock;

    public RetentionJob(ReferralErasure erasure, Clock clock) {
        this.erasure = erasure;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${startpakket.referral.retention.check-interval:PT1H}",
            initialDelayString = "${startpakket.referral.retention.check-interval:PT1H}")
    public int run() {
        return erasure.eraseExpired(clock.instant());
    }
}
