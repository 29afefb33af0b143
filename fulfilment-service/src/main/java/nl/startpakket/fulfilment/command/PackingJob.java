package nl.startpakket.fulfilment.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import nl.startpakket.fulfilment.api.Actor;
import nl.startpakket.fulfilment.api.CancelJobCommand;
import nl.startpakket.fulfilment.api.ClaimJobCommand;
import nl.startpakket.fulfilment.api.ConfirmDeliveryCommand;
import nl.startpakket.fulfilment.api.DeliveryDetailsRecordedEvent;
import nl.startpakket.fulfilment.api.FundingRecordedEvent;
import nl.startpakket.fulfilment.api.HandOverCommand;
import nl.startpakket.fulfilment.api.JobClaimedEvent;
import nl.startpakket.fulfilment.api.JobDeadlineChangedEvent;
import nl.startpakket.fulfilment.api.JobReleasedEvent;
import nl.startpakket.fulfilment.api.JobStatus;
import nl.startpakket.fulfilment.api.MarkPackedCommand;
import nl.startpakket.fulfilment.api.PackageDeliveredEvent;
import nl.startpakket.fulfilment.api.PackageHandedOverEvent;
import nl.startpakket.fulfilment.api.PackagePackedEvent;
import nl.startpakket.fulfilment.api.PackingJobCancelledEvent;
import nl.startpakket.fulfilment.api.PackingJobQueuedEvent;
import nl.startpakket.fulfilment.api.PackingJobRefusal;
import nl.startpakket.fulfilment.api.Recipient;
import nl.startpakket.fulfilment.api.RecordDeliveryDetailsCommand;
import nl.startpakket.fulfilment.api.RecordFundingCommand;
import nl.startpakket.fulfilment.api.ReleaseJobCommand;
import nl.startpakket.fulfilment.api.ReleaseReason;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One package to pack for one referral, id {@code J-<referralId>}. Created by whichever comes
 * first of funding and delivery details; queued once both are known; then claimed by one
 * volunteer, packed, handed over and delivered. Commands that come from Kafka are idempotent:
 * a redelivered event changes nothing and throws nothing.
 */
@Aggregate
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
    private LocalDate expectedDueDate;
    private LocalDate childBirthDate;
    private DeliveryMethod deliveryMethod;
    private Recipient recipient;
    private String notes;
    private LocalDate deadline;
    private String heldBy;
    private LocalDate handedOverOn;

    protected PackingJob() {
        // for Axon
    }

    // --- from Kafka ---------------------------------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordFundingCommand command, Clock clock, DeadlinePolicy policy) {
        if (status == JobStatus.CANCELLED || funded) {
            return;
        }
        apply(new FundingRecordedEvent(command.jobId(), command.referralId(), command.contractId(),
                command.municipality(), command.phase(), command.reservedOn(), clock.instant()));
        queueWhenComplete(clock, policy);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordDeliveryDetailsCommand command, Clock clock, DeadlinePolicy policy) {
        if (status == JobStatus.CANCELLED || status == JobStatus.HANDED_OVER || status == JobStatus.DELIVERED) {
            return;
        }
        if (detailsKnown && sameDetails(command)) {
            return;
        }
        boolean amendment = status != null && status != JobStatus.PENDING;
        apply(new DeliveryDetailsRecordedEvent(command.jobId(), command.referralId(), command.municipality(),
                command.phase(), command.expectedDueDate(), command.childBirthDate(), command.deliveryMethod(),
                command.recipient(), command.notes(), clock.instant()));
        if (amendment) {
            LocalDate moved = policy.deadline(phase, expectedDueDate, fundedOn, LocalDate.now(clock));
            if (!moved.equals(deadline)) {
                apply(new JobDeadlineChangedEvent(jobId, referralId, moved, clock.instant()));
            }
        } else {
            queueWhenComplete(clock, policy);
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
                previous, heldBy, previous == JobStatus.PACKED, clock.instant()));
    }

    private void queueWhenComplete(Clock clock, DeadlinePolicy policy) {
        if (status == JobStatus.PENDING && funded && detailsKnown) {
            LocalDate due = policy.deadline(phase, expectedDueDate, fundedOn, LocalDate.now(clock));
            apply(new PackingJobQueuedEvent(jobId, referralId, municipality, phase, deliveryMethod, due, clock.instant()));
        }
    }

    private boolean sameDetails(RecordDeliveryDetailsCommand command) {
        return Objects.equals(expectedDueDate, command.expectedDueDate())
                && Objects.equals(childBirthDate, command.childBirthDate())
                && deliveryMethod == command.deliveryMethod()
                && Objects.equals(recipient, command.recipient())
                && Objects.equals(notes, command.notes());
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
        apply(new PackagePackedEvent(jobId, referralId, municipality, phase, heldBy, LocalDate.now(clock), clock.instant()));
    }

    @CommandHandler
    public void handle(HandOverCommand command, Clock clock) {
        if (status != JobStatus.PACKED) {
            throw PackingJobRefusal.illegal(jobId, status, "hand over");
        }
        DeliveryMethod method = command.method() != null ? command.method() : deliveryMethod;
        String carrierReference = command.carrierReference() == null || command.carrierReference().isBlank()
                ? null : command.carrierReference().trim();
        if (method == DeliveryMethod.HOME_DELIVERY && carrierReference == null) {
            throw PackingJobRefusal.invalid(jobId, status, "A home delivery needs the carrier's reference.");
        }
        LocalDate today = LocalDate.now(clock);
        Integer daysBeforeDueDate = phase == Phase.BABY && expectedDueDate != null
                ? (int) ChronoUnit.DAYS.between(today, expectedDueDate) : null;
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
            throw PackingJobRefusal.invalid(jobId, status,
                    "The delivery date must lie between the hand-over (" + handedOverOn + ") and today.");
        }
        apply(new PackageDeliveredEvent(jobId, referralId, municipality, phase, on, command.actor().username(), clock.instant()));
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
        expectedDueDate = event.expectedDueDate();
        childBirthDate = event.childBirthDate();
        deliveryMethod = event.deliveryMethod();
        recipient = event.recipient();
        notes = event.notes();
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
    }

    @EventSourcingHandler
    void on(JobReleasedEvent event) {
        status = JobStatus.QUEUED;
        heldBy = null;
    }

    @EventSourcingHandler
    void on(PackagePackedEvent event) {
        status = JobStatus.PACKED;
    }

    @EventSourcingHandler
    void on(PackageHandedOverEvent event) {
        status = JobStatus.HANDED_OVER;
        handedOverOn = event.handedOverOn();
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
    }
}
