package nl.startpakket.referral.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.startpakket.events.DeliveryMethod;
import nl.startpakket.events.Phase;
import nl.startpakket.events.SealedData;
import nl.startpakket.referral.api.AmendReferralCommand;
import nl.startpakket.referral.api.DuplicateHouseholdException;
import nl.startpakket.referral.api.EraseReferralDataCommand;
import nl.startpakket.referral.api.RecordFollowUpOutcomeCommand;
import nl.startpakket.referral.api.FollowUpRefusedException;
import nl.startpakket.referral.api.FollowUpOutcomeRecordedEvent;
import nl.startpakket.referral.api.FollowUpOutcome;
import nl.startpakket.referral.api.FollowUpOpenedEvent;
import nl.startpakket.referral.api.ReferralDataErasedEvent;
import nl.startpakket.referral.api.ReferralPersonalData;
import nl.startpakket.referral.api.ParentDetails;
import nl.startpakket.referral.api.ReferralAmendedEvent;
import nl.startpakket.referral.api.CancelReferralCommand;
import nl.startpakket.referral.api.DeliveryDetails;
import nl.startpakket.referral.api.RecordReferralProgressCommand;
import nl.startpakket.referral.api.ReferralAcceptedEvent;
import nl.startpakket.referral.api.ReferralCancelledEvent;
import nl.startpakket.referral.api.ReferralOwnershipException;
import nl.startpakket.referral.api.ReferralProgressRecordedEvent;
import nl.startpakket.referral.api.ReferralRejectedEvent;
import nl.startpakket.referral.api.ReferralStateException;
import nl.startpakket.referral.api.ReferralStatus;
import nl.startpakket.referral.api.ReferralSubmittedEvent;
import nl.startpakket.referral.api.RejectionReason;
import nl.startpakket.referral.api.SubmissionOutcome;
import nl.startpakket.referral.api.SubmitReferralCommand;
import nl.startpakket.referral.api.history.HistoricReferralImportedEvent;
import nl.startpakket.referral.api.history.HistoricRowRefusedException;
import nl.startpakket.referral.api.history.ImportHistoricReferralCommand;
import nl.startpakket.referral.command.history.HistoricRowRules;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One referral of one parent for one phase, from submission to delivery or cancellation, as the
 * partner sees it. The decision (accepted or rejected as a duplicate) is taken while the submit
 * command is handled, so the partner's request already answers it. Personal data lives in its
 * events and its state only sealed with the referral's own data key; erasing deletes the key.
 */
@Aggregate(cache = "referralCache")
public class Referral {

    /** A pregnancy is counted as 40 weeks up to the due date. */
    static final int FULL_TERM_WEEKS = 40;

    @AggregateIdentifier
    private String referralId;
    private String partnerId;
    private String municipality;
    private Phase phase;
    private DeliveryMethod deliveryMethod;
    /** The delivery details and household key, sealed: never held in plain between commands. */
    private SealedData personalData;
    private ReferralStatus status;
    private boolean erased;
    private boolean consentFollowUp;
    private boolean followUpOpened;
    private FollowUpOutcome followUpOutcome;
    /** The import that brought this referral from the years before Startpakket; null for one referred here. */
    private String importId;
    private final Set<String> recordedSourceEvents = new HashSet<>();

    protected Referral() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public SubmissionOutcome handle(SubmitReferralCommand command, HouseholdRegistry households, PersonalDataProtector protector,
                                    Clock clock) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        SealedData sealed = protector.seal(command.referralId(), new ReferralPersonalData(command.details(), command.householdKey()));
        DeliveryMethod method = command.details().deliveryMethod();
        apply(new ReferralSubmittedEvent(command.referralId(), command.partnerId(), command.intermediaryType(),
                command.municipality(), command.phase(), today, method, sealed, command.consentFollowUp(), now));
        Optional<String> holder = households.claim(command.householdKey(), command.phase(), command.referralId());
        if (holder.isPresent()) {
            ReferralStatus firstStatus = households.statusOf(holder.get()).orElse(ReferralStatus.ACCEPTED);
            apply(new ReferralRejectedEvent(command.referralId(), command.partnerId(), command.intermediaryType(),
                    command.municipality(), command.phase(), today, RejectionReason.DUPLICATE, firstStatus, now));
            return SubmissionOutcome.duplicate(command.referralId(), firstStatus);
        }
        // the claim is in another store than the events: give it back if storing the events fails
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(
                u -> households.release(command.householdKey(), command.phase(), command.referralId())));
        apply(new ReferralAcceptedEvent(command.referralId(), command.partnerId(), command.intermediaryType(),
                command.municipality(), command.phase(), today, method, sealed, command.consentFollowUp(),
                pregnancyWeek(command.phase(), command.details(), today), now));
        return SubmissionOutcome.accepted(command.referralId());
    }

    /**
     * A row of history becomes a referral with its business dates. Created without loading
     * (ALWAYS): the id is name-based, so a row an earlier file brought has its first event in the
     * log already, and the event store's unique (aggregate, sequence) index refuses the second
     * (AggregateStreamCreationException): the row is imported once, even by two imports at once.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public String handle(ImportHistoricReferralCommand command, Clock clock) {
        var row = command.row();
        HistoricRowRules.refusal(row, LocalDate.now(clock)).ifPresent(reason -> {
            throw new HistoricRowRefusedException(reason);
        });
        apply(new HistoricReferralImportedEvent(command.referralId(), row.municipality(), row.phase(), row.intermediaryType(),
                row.referredOn(), row.deliveredOn(), row.invoicedBeforeStartpakket(), command.importId(), clock.instant()));
        return command.importId();
    }

    @CommandHandler
    public void handle(CancelReferralCommand command, HouseholdRegistry households, PersonalDataProtector protector, Clock clock) {
        requireOwner(command.partnerId());
        if (status == ReferralStatus.CANCELLED) {
            return;
        }
        if (status == ReferralStatus.REJECTED || status == ReferralStatus.DELIVERED) {
            throw new ReferralStateException("A " + status.name().toLowerCase() + " referral cannot be cancelled.");
        }
        cancel(command.reason(), households, protector, clock);
    }

    private void cancel(String reason, HouseholdRegistry households, PersonalDataProtector protector, Clock clock) {
        Optional<String> key = personal(protector).map(ReferralPersonalData::householdKey);
        apply(new ReferralCancelledEvent(referralId, partnerId, municipality, phase, LocalDate.now(clock), reason, clock.instant()));
        key.ifPresent(k -> AfterCommit.run(() -> households.release(k, phase, referralId)));
    }

    @CommandHandler
    public boolean handle(AmendReferralCommand command, HouseholdKeys keys, HouseholdRegistry households,
                          PersonalDataProtector protector, Clock clock) {
        requireOwner(command.partnerId());
        if (erased) {
            throw new ReferralStateException("The personal data of this referral was erased; it cannot be amended.");
        }
        if (status != ReferralStatus.ACCEPTED && status != ReferralStatus.ON_HOLD && status != ReferralStatus.FUNDED) {
            throw new ReferralStateException("A referral can only be amended after acceptance and before packing starts (status "
                    + status + ").");
        }
        ReferralPersonalData current = personal(protector).orElseThrow(() -> new ReferralStateException(
                "The personal data of this referral is not available; it cannot be amended."));
        DeliveryDetails details = current.details();
        List<String> changed = new ArrayList<>();
        LocalDate dueDate = details.expectedDueDate();
        LocalDate birthDate = details.childBirthDate();
        if (phase == Phase.BABY && command.expectedDueDate() != null && !command.expectedDueDate().equals(dueDate)) {
            dueDate = command.expectedDueDate();
            changed.add("expectedDueDate");
        }
        if (phase == Phase.TODDLER && command.childBirthDate() != null && !command.childBirthDate().equals(birthDate)) {
            birthDate = command.childBirthDate();
            changed.add("childBirthDate");
        }
        ParentDetails parent = details.parent();
        if (command.parent() != null && !command.parent().equals(parent)) {
            parent = command.parent();
            changed.add("parent");
        }
        DeliveryMethod method = details.deliveryMethod();
        if (command.deliveryMethod() != null && command.deliveryMethod() != method) {
            method = command.deliveryMethod();
            changed.add("deliveryMethod");
        }
        String notes = details.notes();
        if (command.notes() != null && !command.notes().equals(notes)) {
            notes = command.notes().isBlank() ? null : command.notes();
            changed.add("notes");
        }
        if (changed.isEmpty()) {
            return false;
        }
        String householdKey = current.householdKey();
        String newKey = keys.keyOf(parent.postalCode(), parent.houseNumber(), phase == Phase.BABY ? dueDate : birthDate);
        if (!newKey.equals(householdKey)) {
            Optional<String> holder = households.claim(newKey, phase, referralId);
            if (holder.isPresent()) {
                throw new DuplicateHouseholdException(households.statusOf(holder.get()).orElse(ReferralStatus.ACCEPTED));
            }
            String oldKey = householdKey;
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(u -> households.release(newKey, phase, referralId)));
            AfterCommit.run(() -> households.release(oldKey, phase, referralId));
        }
        DeliveryDetails amended = new DeliveryDetails(dueDate, birthDate, parent, method, notes);
        apply(new ReferralAmendedEvent(referralId, partnerId, municipality, phase, method,
                protector.seal(referralId, new ReferralPersonalData(amended, newKey)), List.copyOf(changed), clock.instant()));
        return true;
    }

    /**
     * Erases the personal data: the referral's data key is deleted once the event is stored, and
     * the household claim is given up (the household key is personal data too). A referral still
     * under way is withdrawn first: nobody can pack or deliver without an address.
     */
    @CommandHandler
    public boolean handle(EraseReferralDataCommand command, HouseholdRegistry households, PersonalDataProtector protector,
                          Clock clock) {
        if (erased) {
            return false;
        }
        if (!status.isFinal()) {
            cancel("OTHER", households, protector, clock);
        }
        Optional<String> key = status == ReferralStatus.REJECTED ? Optional.empty()
                : personal(protector).map(ReferralPersonalData::householdKey);
        apply(new ReferralDataErasedEvent(referralId, partnerId, municipality, phase, command.reason(), command.requestedBy(),
                clock.instant()));
        String id = referralId;
        AfterCommit.run(() -> {
            protector.erase(id);
            key.ifPresent(k -> households.release(k, phase, id));
        });
        return true;
    }

    @CommandHandler
    public void handle(RecordReferralProgressCommand command, Clock clock) {
        if (command.sourceEventId() != null && recordedSourceEvents.contains(command.sourceEventId())) {
            return;
        }
        if (status == ReferralStatus.REJECTED) {
            return;
        }
        boolean moves = status.isBefore(command.stage());
        apply(new ReferralProgressRecordedEvent(referralId, command.stage(), command.reachedAt(), command.sourceEventId(),
                command.detail(), moves, clock.instant()));
        if (command.stage() == ReferralStatus.DELIVERED && consentFollowUp && !followUpOpened && !erased) {
            // the step to further help: only where the parent agreed to be contacted
            apply(new FollowUpOpenedEvent(referralId, municipality, phase,
                    LocalDate.ofInstant(command.reachedAt() == null ? clock.instant() : command.reachedAt(), clock.getZone()),
                    clock.instant()));
        }
    }

    @CommandHandler
    public void handle(RecordFollowUpOutcomeCommand command, Clock clock) {
        if (!followUpOpened) {
            throw new FollowUpRefusedException("no-follow-up", "Referral " + referralId + " has no follow-up: the parent did not"
                    + " agree to be contacted, or the package is not delivered yet.");
        }
        if (erased) {
            throw new FollowUpRefusedException("erased", "The personal data of referral " + referralId + " is erased.");
        }
        if (!municipality.equals(command.municipality())) {
            throw new FollowUpRefusedException("other-municipality", "Referral " + referralId + " is not of municipality "
                    + command.municipality() + ".");
        }
        if (command.outcome() == null) {
            throw new FollowUpRefusedException("outcome-required", "An outcome is one of CONTACTED, HELP_ACCEPTED, DECLINED, UNREACHABLE.");
        }
        if (command.outcome() != followUpOutcome) {
            apply(new FollowUpOutcomeRecordedEvent(referralId, municipality, phase, command.outcome(), command.recordedBy(),
                    clock.instant()));
        }
    }

    private Optional<ReferralPersonalData> personal(PersonalDataProtector protector) {
        return erased || personalData == null ? Optional.empty() : protector.open(referralId, personalData);
    }

    private void requireOwner(String partner) {
        if (partner != null && !partner.equals(partnerId)) {
            throw new ReferralOwnershipException(referralId);
        }
    }

    /** 40 minus the whole weeks until the due date, for BABY referrals; null otherwise. */
    static Integer pregnancyWeek(Phase phase, DeliveryDetails details, LocalDate referralDate) {
        if (phase != Phase.BABY || details == null || details.expectedDueDate() == null) {
            return null;
        }
        return FULL_TERM_WEEKS - (int) ChronoUnit.WEEKS.between(referralDate, details.expectedDueDate());
    }

    @EventSourcingHandler
    void on(FollowUpOpenedEvent event) {
        followUpOpened = true;
    }

    @EventSourcingHandler
    void on(FollowUpOutcomeRecordedEvent event) {
        followUpOutcome = event.outcome();
    }

    @EventSourcingHandler
    void on(ReferralSubmittedEvent event) {
        consentFollowUp = event.consentFollowUp();
        referralId = event.referralId();
        partnerId = event.partnerId();
        municipality = event.municipality();
        phase = event.phase();
        deliveryMethod = event.deliveryMethod();
        personalData = event.personalData();
        status = ReferralStatus.SUBMITTED;
    }

    /** History: no partner may change it (every partner command is refused as another's), nothing is sealed. */
    @EventSourcingHandler
    void on(HistoricReferralImportedEvent event) {
        referralId = event.referralId();
        municipality = event.municipality();
        phase = event.phase();
        importId = event.importId();
        status = event.deliveredOn() != null ? ReferralStatus.DELIVERED : ReferralStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(ReferralAmendedEvent event) {
        deliveryMethod = event.deliveryMethod();
        personalData = event.personalData();
    }

    @EventSourcingHandler
    void on(ReferralAcceptedEvent event) {
        status = ReferralStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(ReferralRejectedEvent event) {
        status = ReferralStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(ReferralCancelledEvent event) {
        status = ReferralStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(ReferralDataErasedEvent event) {
        erased = true;
        personalData = null;
    }

    @EventSourcingHandler
    void on(ReferralProgressRecordedEvent event) {
        if (event.sourceEventId() != null) {
            recordedSourceEvents.add(event.sourceEventId());
        }
        if (event.statusChanged()) {
            status = event.stage();
        }
    }

}
