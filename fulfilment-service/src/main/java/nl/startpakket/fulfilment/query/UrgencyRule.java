package nl.startpakket.fulfilment.query;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import nl.startpakket.fulfilment.api.JobStatus;
import nl.startpakket.fulfilment.api.Urgency;

/** Overdue when the deadline passed, at risk within {@code atRiskDays} of it; only for jobs that have not left yet. */
public class UrgencyRule {

    private static final Set<JobStatus> NOT_LEFT = EnumSet.of(JobStatus.QUEUED, JobStatus.CLAIMED, JobStatus.PACKED,
            JobStatus.EXCEPTION);

    private final Clock clock;
    private final int atRiskDays;

    public UrgencyRule(Clock clock, int atRiskDays) {
        this.clock = clock;
        this.atRiskDays = atRiskDays;
    }

    public Urgency of(JobStatus status, LocalDate deadline) {
        if (deadline == null || status == null || !NOT_LEFT.contains(status)) {
            return null;
        }
        LocalDate today = LocalDate.now(clock);
        if (deadline.isBefore(today)) {
            return Urgency.OVERDUE;
        }
        if (!deadline.isAfter(today.plusDays(atRiskDays))) {
            return Urgency.AT_RISK;
        }
        return Urgency.ON_TRACK;
    }
}
