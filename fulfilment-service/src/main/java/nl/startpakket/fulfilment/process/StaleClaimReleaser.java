package nl.startpakket.fulfilment.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import nl.startpakket.fulfilment.api.ReleaseStaleClaimCommand;
import nl.startpakket.fulfilment.query.JobQueueQueries;
import nl.startpakket.fulfilment.query.JobView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Gives claims back to the queue when nobody packed them within the configured time (a volunteer
 * went home, a tablet was left on the table). The read model finds the candidates; the job itself
 * decides, so a claim renewed in the meantime stays.
 */
public class StaleClaimReleaser {

    private static final Logger log = LoggerFactory.getLogger(StaleClaimReleaser.class);

    private final JobQueueQueries queries;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration staleAfter;

    public StaleClaimReleaser(JobQueueQueries queries, CommandGateway commands, Clock clock, Duration staleAfter) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    @Scheduled(fixedDelayString = "${startpakket.fulfilment.stale-claim-check-interval:PT5M}",
            initialDelayString = "${startpakket.fulfilment.stale-claim-check-interval:PT5M}")
    public void releaseStaleClaims() {
        releaseClaimsMadeBefore(clock.instant().minus(staleAfter));
    }

    /** Releases every claim made before the cut-off; returns how many were released or already gone. */
    public int releaseClaimsMadeBefore(Instant cutoff) {
        int count = 0;
        for (JobView job : queries.claimedBefore(cutoff)) {
            try {
                commands.sendAndWait(new ReleaseStaleClaimCommand(job.jobId(), cutoff));
                count++;
            } catch (RuntimeException e) {
                log.warn("Could not release the stale claim on {}: {}", job.jobId(), e.getMessage());
            }
        }
        if (count > 0) {
            log.info("Released {} claim(s) made before {}", count, cutoff);
        }
        return count;
    }
}
