package nl.startpakket.fulfilment.command.job;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import nl.startpakket.events.SealedData;
import nl.startpakket.fulfilment.api.Actor;
import nl.startpakket.fulfilment.api.CancelJobCommand;
import nl.startpakket.fulfilment.api.ClaimJobCommand;
import nl.startpakket.fulfilment.api.ConfirmDeliveryCommand;
import nl.startpakket.fulfilment.api.DeliveryDetailsRecordedEvent;
import nl.startpakket.fulfilment.api.DeliveryPersonalData;
import nl.startpakket.fulfilment.api.ExceptionKind;
import nl.startpakket.fulfilment.api.FundingRecordedEvent;
import nl.startpakket.fulfilment.api.HandOverCommand;
import nl.startpakket.fulfilment.api.JobClaimedEvent;
import nl.startpakket.fulfilment.api.ItemQuantity;
import nl.startpakket.fulfilment.api.JobDeadlineChangedEvent;
import nl.startpakket.fulfilment.api.JobExceptionReportedEvent;
import nl.startpakket.fulfilment.api.JobReleasedEvent;
import nl.startpakket.fulfilment.api.JobResumedEvent;
import nl.startpakket.fulfilment.api.JobStatus;
import nl.startpakket.fulfilment.api.MarkPackedCommand;
import nl.startpakket.fulfilment.api.PackageDeliveredEvent;
import nl.startpakket.fulfilment.api.PackageHandedOverEvent;
import nl.startpakket.fulfilment.api.PackagePackedEvent;
import nl.startpakket.fulfilment.api.PackingJobCancelledEvent;
import nl.startpakket.fulfilment.api.PackingJobQueuedEvent;
import nl.startpakket.fulfilment.api.PackingJobRefusal;
import nl.startpakket.fulfilment.api.RecordDeliveryDetailsCommand;
import nl.startpakket.fulfilment.api.RecordFundingCommand;
import nl.startpakket.fulfilment.api.ReleaseJobCommand;
import nl.startpakket.fulfilment.api.ReleaseReason;
import nl.startpakket.fulfilment.api.ReleaseStaleClaimCommand;
import nl.startpakket.fulfilment.api.ReportExceptionCommand;
import nl.startpakket.fulfilment.api.ResumeJobCommand;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One package to pack for one referral, id {@code J-<referralId>}. Created by whichever comes
 * first of funding and delivery details; queued once both are known; then claimed by one
 * volunteer, packed, handed over and delivered; an exception (not reachable, returned, address
 * unknown) parks it until someone resumes it. Commands that come from Kafka are idempotent: a
 * redelivered event changes nothing and throws nothing.
 */
@Aggregate(cache = "packingJobCache")
public class PackingJob {

    @AggregateIdentifier
    private String jobId;
    private String referralId;
    private String municipality;
    private Phase phase;
    private JobStatus status;
    private boolean funded;
    private LocalDate fundedOn;
    private boolean detailsKnown;
    private DeliveryMethod deliveryMethod;
    /** Due or birth date, recipient, notes: sealed with the referral's data key, opened only where needed. */
    private SealedData personalData;
    private LocalDate deadline;
    private String heldBy;
    private Instant claimedAt;
    private LocalDate handedOverOn;
    /** A packed package is at the foundation (packed and not handed over, or returned). */
    private boolean packageAtFoundation;
    private List<ItemQuantity> itemsUsed = List.of();
    private JobStatus statusBeforeException;

    private static final Set<JobStatus> EXCEPTION_ALLOWED =
            EnumSet.of(JobStatus.QUEUED, JobStatus.CLAIMED, JobStatus.PACKED, JobStatus.HANDED_OVER);

    protected PackingJob() {
        // for Axon
    }

    // --- from Kafka ---------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordFundingCommand command, Clock clock, DeadlinePolicy policy, DeliveryDetailsOpener opener) {
        if (status == JobStatus.CANCELLED || funded) {
            return;
        }
        apply(new FundingRecordedEvent(command.jobId(), command.referralId(), command.contractId(),
                command.municipality(), command.phase(), command.reservedOn(), clock.instant()));
        queueWhenComplete(clock, policy, opener);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordDeliveryDetailsCommand command, Clock clock, DeadlinePolicy policy, DeliveryDetailsOpener opener) {
        if (status == JobStatus.CANCELLED || status == JobStatus.HANDED_OVER || status == JobStatus.DELIVERED) {
            return;
        }
        if (detailsKnown && sameDetails(command, opener)) {
            return;
        }
        boolean amendment = status != null && status != JobStatus.PENDING;
        apply(new DeliveryDetailsRecordedEvent(command.jobId(), command.referralId(), command.municipality(),
                command.phase(), command.deliveryMethod(), command.personalData(), clock.instant()));
        if (amendment) {
            LocalDate moved = policy.deadline(phase, expectedDueDate(opener), fundedOn, LocalDate.now(clock));
            if (!moved.equals(deadline)) {
                apply(new JobDeadlineChangedEvent(jobId, referralId, moved, clock.instant()));
            }
        } else {
            queueWhenComplete(clock, policy, opener);
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CancelJobCommand command, Clock clock) {
        if (status == JobStatus.CANCELLED || status == JobStatus.HANDED_OVER || status == JobStatus.DELIVERED) {
            return;
        }
        JobStatus previous = status == null ? JobStatus.PENDING : status;
        apply(new PackingJobCancelledEvent(command.jobId(), command.referralId(), command.cause(), command.reason(),
                previous, heldBy, packageAtFoundation, packageAtFoundation ? itemsUsed : List.of(), clock.instant()));
    }

    private void queueWhenComplete(Clock clock, DeadlinePolicy policy, DeliveryDetailsOpener opener) {
        if (status == JobStatus.PENDING && funded && detailsKnown) {
            LocalDate due = policy.deadline(phase, expectedDueDate(opener), fundedOn, LocalDate.now(clock));
            apply(new PackingJobQueuedEvent(jobId, referralId, municipality, phase, deliveryMethod, due, clock.instant()));
        }
    }

    /** The same method and the same personal data (the same sealed value, or one that opens to the same data). */
    private boolean sameDetails(RecordDeliveryDetailsCommand command, DeliveryDetailsOpener opener) {
        if (deliveryMethod != command.deliveryMethod()) {
            return false;
        }
        if (Objects.equals(personalData, command.personalData())) {
            return true;
        }
        Optional<DeliveryPersonalData> now = personalData == null ? Optional.empty() : opener.open(referralId, personalData);
        Optional<DeliveryPersonalData> next = command.personalData() == null ? Optional.empty()
                : opener.open(referralId, command.personalData());
        return now.isPresent() && now.equals(next);
    }

    /** The due date, opened from the sealed details; null when unknown or erased (the deadline rule falls back). */
    private LocalDate expectedDueDate(DeliveryDetailsOpener opener) {
        if (personalData == null) {
            return null;
        }
        return opener.open(referralId, personalData).map(DeliveryPersonalData::expectedDueDate).orElse(null);
    }

    // --- from volunteers ----------------------------------------------------------------------

    @CommandHandler
    public void handle(ClaimJobCommand command, Clock clock) {
        if (status == JobStatus.CLAIMED) {
            if (heldBy.equals(command.actor().username())) {
                return; // a double tap claims once
            }
            throw PackingJobRefusal.heldByOther(jobId, status, heldBy);
        }
        if (status != JobStatus.QUEUED) {
            throw PackingJobRefusal.illegal(jobId, status, "claim");
        }
        apply(new JobClaimedEvent(jobId, referralId, command.actor().username(), clock.instant()));
    }

    @CommandHandler
    public void handle(ReleaseJobCommand command, Clock clock) {
        if (status != JobStatus.CLAIMED) {
            throw PackingJobRefusal.illegal(jobId, status, "release");
        }
        Actor actor = command.actor();
        boolean holder = heldBy.equals(actor.username());
        if (!holder && !actor.coordinator()) {
            throw PackingJobRefusal.heldByOther(jobId, status, heldBy);
        }
        apply(new JobReleasedEvent(jobId, referralId, heldBy, actor.username(),
                holder ? ReleaseReason.GIVEN_BACK : ReleaseReason.BY_COORDINATOR, clock.instant()));
    }

    @CommandHandler
    public void handle(MarkPackedCommand command, Clock clock) {
        if (status != JobStatus.CLAIMED) {
            throw PackingJobRefusal.illegal(jobId, status, "mark as packed");
        }
        Actor actor = command.actor();
        if (!heldBy.equals(actor.username()) && !actor.coordinator()) {
            throw PackingJobRefusal.heldByOther(jobId, status, heldBy);
        }
        List<ItemQuantity> used = new ArrayList<>();
        for (ItemQuantity item : command.itemsUsed()) {
            if (item.itemId() == null || item.itemId().isBlank() || item.quantity() <= 0) {
                throw PackingJobRefusal.invalid(jobId, status, "item-quantity",
                        "Every item used needs an item and a positive quantity.");
            }
            used.add(item);
        }
        apply(new PackagePackedEvent(jobId, referralId, municipality, phase, heldBy, LocalDate.now(clock),
                command.templateId(), used, clock.instant()));
    }

    @CommandHandler
    public void handle(HandOverCommand command, Clock clock, DeliveryDetailsOpener opener) {
        if (status != JobStatus.PACKED) {
            throw PackingJobRefusal.illegal(jobId, status, "hand over");
        }
        DeliveryMethod method = command.method() != null ? command.method() : deliveryMethod;
        String carrierReference = command.carrierReference() == null || command.carrierReference().isBlank()
                ? null : command.carrierReference().trim();
        if (method == DeliveryMethod.HOME_DELIVERY && carrierReference == null) {
            throw PackingJobRefusal.invalid(jobId, status, "carrier-reference-required",
                    "A home delivery needs the carrier's reference.");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate expectedDueDate = phase == Phase.BABY ? expectedDueDate(opener) : null;
        Integer daysBeforeDueDate = expectedDueDate != null ? (int) ChronoUnit.DAYS.between(today, expectedDueDate) : null;
        apply(new PackageHandedOverEvent(jobId, referralId, municipality, phase, method, carrierReference,
                command.actor().username(), today, daysBeforeDueDate, clock.instant()));
    }

    @CommandHandler
    public void handle(ConfirmDeliveryCommand command, Clock clock) {
        if (status != JobStatus.HANDED_OVER) {
            throw PackingJobRefusal.illegal(jobId, status, "confirm delivery of");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate on = command.deliveredOn() != null ? command.deliveredOn() : today;
        if (on.isAfter(today) || on.isBefore(handedOverOn)) {
            throw PackingJobRefusal.invalid(jobId, status, "delivery-date-out-of-range",
                    "The delivery date must lie between the hand-over (" + handedOverOn + ") and today.");
        }
        apply(new PackageDeliveredEvent(jobId, referralId, municipality, phase, on, command.actor().username(), clock.instant()));
    }

    @CommandHandler
    public void handle(ReleaseStaleClaimCommand command, Clock clock) {
        if (status != JobStatus.CLAIMED || claimedAt.isAfter(command.claimedBefore())) {
            return; // packed, released or claimed again in the meantime
        }
        apply(new JobReleasedEvent(jobId, referralId, heldBy, Actor.system().username(), ReleaseReason.STALE, clock.instant()));
    }

    @CommandHandler
    public void handle(ReportExceptionCommand command, Clock clock) {
        if (!EXCEPTION_ALLOWED.contains(status)) {
            throw PackingJobRefusal.illegal(jobId, status, "report an exception on");
        }
        Actor actor = command.actor();
        if (status == JobStatus.CLAIMED && !heldBy.equals(actor.username()) && !actor.coordinator()) {
            throw PackingJobRefusal.heldByOther(jobId, status, heldBy);
        }
        if (command.kind() == null || command.reason() == null || command.reason().isBlank()) {
            throw PackingJobRefusal.invalid(jobId, status, "exception-reason-required",
                    "An exception needs a kind and a reason.");
        }
        if (command.kind() == ExceptionKind.RETURNED && status != JobStatus.HANDED_OVER) {
            throw PackingJobRefusal.invalid(jobId, status, "return-needs-hand-over",
                    "Only a package that was handed over can come back.");
        }
        apply(new JobExceptionReportedEvent(jobId, referralId, command.kind(), command.reason().trim(), status,
                actor.username(), clock.instant()));
    }

    @CommandHandler
    public JobStatus handle(ResumeJobCommand command, Clock clock) {
        if (status != JobStatus.EXCEPTION) {
            throw PackingJobRefusal.illegal(jobId, status, "resume");
        }
        JobStatus back;
        if (packageAtFoundation) {
            back = JobStatus.PACKED;
        } else if (statusBeforeException == JobStatus.HANDED_OVER) {
            back = JobStatus.HANDED_OVER;
        } else {
            back = JobStatus.QUEUED;
        }
        String note = command.note() == null || command.note().isBlank() ? null : command.note().trim();
        apply(new JobResumedEvent(jobId, referralId, back, note, command.actor().username(), clock.instant()));
        return back;
    }

    // --- state --------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(FundingRecordedEvent event) {
        jobId = event.jobId();
        referralId = event.referralId();
        if (status == null) {
            status = JobStatus.PENDING;
            municipality = event.municipality();
            phase = event.phase();
        }
        funded = true;
        fundedOn = event.reservedOn();
    }

    @EventSourcingHandler
    void on(DeliveryDetailsRecordedEvent event) {
        jobId = event.jobId();
        referralId = event.referralId();
        if (status == null) {
            status = JobStatus.PENDING;
            municipality = event.municipality();
            phase = event.phase();
        }
        detailsKnown = true;
        deliveryMethod = event.deliveryMethod();
        personalData = event.personalData();
    }

    @EventSourcingHandler
    void on(PackingJobQueuedEvent event) {
        status = JobStatus.QUEUED;
        deadline = event.deadline();
    }

    @EventSourcingHandler
    void on(JobDeadlineChangedEvent event) {
        deadline = event.deadline();
    }

    @EventSourcingHandler
    void on(JobClaimedEvent event) {
        status = JobStatus.CLAIMED;
        heldBy = event.volunteer();
        claimedAt = event.occurredAt();
    }

    @EventSourcingHandler
    void on(JobReleasedEvent event) {
        status = JobStatus.QUEUED;
        heldBy = null;
        claimedAt = null;
    }

    @EventSourcingHandler
    void on(PackagePackedEvent event) {
        status = JobStatus.PACKED;
        packageAtFoundation = true;
        itemsUsed = event.itemsUsed();
    }

    @EventSourcingHandler
    void on(PackageHandedOverEvent event) {
        status = JobStatus.HANDED_OVER;
        handedOverOn = event.handedOverOn();
        packageAtFoundation = false;
    }

    @EventSourcingHandler
    void on(JobExceptionReportedEvent event) {
        statusBeforeException = event.previousStatus();
        status = JobStatus.EXCEPTION;
        heldBy = null;
        claimedAt = null;
        if (event.kind() == ExceptionKind.RETURNED) {
            packageAtFoundation = true;
        }
    }

    @EventSourcingHandler
    void on(JobResumedEvent event) {
        status = event.status();
        statusBeforeException = null;
    }

    @EventSourcingHandler
    void on(PackageDeliveredEvent event) {
        status = JobStatus.DELIVERED;
    }

    @EventSourcingHandler
    void on(PackingJobCancelledEvent event) {
        jobId = event.jobId();
        referralId = event.referralId();
        status = JobStatus.CANCELLED;
        heldBy = null;
        packageAtFoundation = false;
    }
}
