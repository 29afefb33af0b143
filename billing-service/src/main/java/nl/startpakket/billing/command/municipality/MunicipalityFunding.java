package nl.startpakket.billing.command.municipality;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.startpakket.billing.api.AttachContractCommand;
import nl.startpakket.billing.api.BackloggedReferralWithdrawnEvent;
import nl.startpakket.billing.api.CancellationRoutedEvent;
import nl.startpakket.billing.api.ContractAttachedEvent;
import nl.startpakket.billing.api.DeliveryRoutedEvent;
import nl.startpakket.billing.api.DeliveryUnroutedEvent;
import nl.startpakket.billing.api.HistoricDeliveryBackloggedEvent;
import nl.startpakket.billing.api.HistoricDeliveryRoutedEvent;
import nl.startpakket.billing.api.HoldReason;
import nl.startpakket.billing.api.RouteHistoricDeliveryCommand;
import nl.startpakket.billing.api.ReferralBackloggedEvent;
import nl.startpakket.billing.api.ReferralRoutedEvent;
import nl.startpakket.billing.api.RouteCancellationCommand;
import nl.startpakket.billing.api.RouteDeliveryCommand;
import nl.startpakket.billing.api.RouteReferralCommand;
import nl.startpakket.events.Phase;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A municipality's funding route: which contracts it has (with their periods), under which
 * contract each of its referrals is funded, and the backlog of referrals for which no contract
 * is valid on their referral date. Being one consistent aggregate, a referral can never slip
 * between "no contract yet" and "a contract was just registered": either it is routed, or it
 * waits in the backlog that the contract's arrival drains (oldest referral date first).
 */
@Aggregate(cache = "municipalityFundingCache")
public class MunicipalityFunding {

    @AggregateIdentifier
    private String routeId;
    private final Map<String, Period> contracts = new LinkedHashMap<>();
    private final Map<String, String> contractOfReferral = new HashMap<>();
    private final LinkedHashMap<String, Backlogged> backlog = new LinkedHashMap<>();
    private final Set<String> withdrawn = new HashSet<>();
    private final Set<String> cancellationsRouted = new HashSet<>();
    private final Set<String> deliveriesRouted = new HashSet<>();
    /** Deliveries from before Startpakket that no contract covers yet, by referral. */
    private final LinkedHashMap<String, Backlogged> historicBacklog = new LinkedHashMap<>();

    protected MunicipalityFunding() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AttachContractCommand command, Clock clock) {
        Period period = new Period(command.validFrom(), command.validTo());
        if (period.equals(contracts.get(command.contractId()))) {
            return;
        }
        apply(new ContractAttachedEvent(command.routeId(), command.municipality(), command.contractId(),
                command.validFrom(), command.validTo(), clock.instant()));
        List<Map.Entry<String, Backlogged>> waiting = new ArrayList<>(backlog.entrySet());
        waiting.sort(Comparator.comparing(e -> e.getValue().referralDate()));
        for (Map.Entry<String, Backlogged> entry : waiting) {
            Backlogged referral = entry.getValue();
            contractCovering(referral.referralDate()).ifPresent(contractId ->
                    apply(new ReferralRoutedEvent(routeId, command.municipality(), entry.getKey(), referral.phase(),
                            referral.referralDate(), contractId, true, clock.instant())));
        }
        List<Map.Entry<String, Backlogged>> historic = new ArrayList<>(historicBacklog.entrySet());
        historic.sort(Comparator.comparing(e -> e.getValue().referralDate()));
        for (Map.Entry<String, Backlogged> entry : historic) {
            Backlogged delivery = entry.getValue();
            contractCovering(delivery.referralDate()).ifPresent(contractId ->
                    apply(new HistoricDeliveryRoutedEvent(routeId, command.municipality(), entry.getKey(), contractId,
                            delivery.phase(), delivery.referralDate(), true, clock.instant())));
        }
    }

    /**
     * A delivery from before Startpakket, not invoiced then: to the contract valid on its delivery
     * date, else kept until one is attached. Never a funding slot (nothing is to be packed), never twice.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RouteHistoricDeliveryCommand command, Clock clock) {
        String referralId = command.referralId();
        if (deliveriesRouted.contains(referralId) || historicBacklog.containsKey(referralId)) {
            return;
        }
        Optional<String> contract = contractCovering(command.deliveredOn());
        if (contract.isPresent()) {
            apply(new HistoricDeliveryRoutedEvent(command.routeId(), command.municipality(), referralId, contract.get(),
                    command.phase(), command.deliveredOn(), false, clock.instant()));
        } else {
            apply(new HistoricDeliveryBackloggedEvent(command.routeId(), command.municipality(), referralId, command.phase(),
                    command.deliveredOn(), clock.instant()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RouteReferralCommand command, Clock clock) {
        String referralId = command.referralId();
        if (contractOfReferral.containsKey(referralId) || backlog.containsKey(referralId) || withdrawn.contains(referralId)) {
            return;
        }
        Optional<String> contract = contractCovering(command.referralDate());
        if (contract.isPresent()) {
            apply(new ReferralRoutedEvent(command.routeId(), command.municipality(), referralId, command.phase(),
                    command.referralDate(), contract.get(), false, clock.instant()));
            return;
        }
        Optional<String> ended = contracts.entrySet().stream()
                .filter(e -> e.getValue().validTo().isBefore(command.referralDate()))
                .max(Comparator.comparing(e -> e.getValue().validTo()))
                .map(Map.Entry::getKey);
        apply(new ReferralBackloggedEvent(command.routeId(), command.municipality(), referralId, command.phase(),
                command.referralDate(), ended.isPresent() ? HoldReason.CONTRACT_ENDED : HoldReason.NO_CONTRACT,
                ended.orElse(null), LocalDate.now(clock), clock.instant()));
    }

    /** Only for a route that exists: a cancellation of a referral never routed has nothing to release. */
    @CommandHandler
    public void handle(RouteCancellationCommand command, Clock clock) {
        String referralId = command.referralId();
        Backlogged waiting = backlog.get(referralId);
        if (waiting != null) {
            apply(new BackloggedReferralWithdrawnEvent(routeId, command.municipality(), referralId, waiting.phase(),
                    command.reason(), LocalDate.now(clock), clock.instant()));
            return;
        }
        String contractId = contractOfReferral.get(referralId);
        if (contractId != null && !cancellationsRouted.contains(referralId)) {
            apply(new CancellationRoutedEvent(routeId, command.municipality(), referralId, contractId, command.reason(),
                    clock.instant()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RouteDeliveryCommand command, Clock clock) {
        String referralId = command.referralId();
        if (deliveriesRouted.contains(referralId)) {
            return;
        }
        String contractId = contractOfReferral.get(referralId);
        if (contractId != null) {
            apply(new DeliveryRoutedEvent(command.routeId(), command.municipality(), referralId, contractId,
                    command.phase(), command.deliveredOn(), clock.instant()));
        } else {
            apply(new DeliveryUnroutedEvent(command.routeId(), command.municipality(), referralId, command.phase(),
                    command.deliveredOn(), backlog.containsKey(referralId) ? "IN_BACKLOG" : "UNKNOWN_REFERRAL",
                    clock.instant()));
        }
    }

    /** The contract valid on the date; with overlapping contracts the one that started last. */
    private Optional<String> contractCovering(LocalDate date) {
        return contracts.entrySet().stream()
                .filter(e -> e.getValue().covers(date))
                .max(Comparator.comparing(e -> e.getValue().validFrom()))
                .map(Map.Entry::getKey);
    }

    @EventSourcingHandler
    void on(ContractAttachedEvent event) {
        routeId = event.routeId();
        contracts.put(event.contractId(), new Period(event.validFrom(), event.validTo()));
    }

    @EventSourcingHandler
    void on(ReferralRoutedEvent event) {
        routeId = event.routeId();
        backlog.remove(event.referralId());
        contractOfReferral.put(event.referralId(), event.contractId());
    }

    @EventSourcingHandler
    void on(ReferralBackloggedEvent event) {
        routeId = event.routeId();
        backlog.put(event.referralId(), new Backlogged(event.phase(), event.referralDate()));
    }

    @EventSourcingHandler
    void on(BackloggedReferralWithdrawnEvent event) {
        backlog.remove(event.referralId());
        withdrawn.add(event.referralId());
    }

    @EventSourcingHandler
    void on(CancellationRoutedEvent event) {
        cancellationsRouted.add(event.referralId());
    }

    @EventSourcingHandler
    void on(DeliveryRoutedEvent event) {
        deliveriesRouted.add(event.referralId());
    }

    @EventSourcingHandler
    void on(HistoricDeliveryRoutedEvent event) {
        routeId = event.routeId();
        historicBacklog.remove(event.referralId());
        deliveriesRouted.add(event.referralId());
    }

    /** (The delivery date is kept where the referral backlog keeps the referral date: the date a contract must cover.) */
    @EventSourcingHandler
    void on(HistoricDeliveryBackloggedEvent event) {
        routeId = event.routeId();
        historicBacklog.put(event.referralId(), new Backlogged(event.phase(), event.deliveredOn()));
    }

    @EventSourcingHandler
    void on(DeliveryUnroutedEvent event) {
        routeId = event.routeId();
        deliveriesRouted.add(event.referralId());
    }

    private record Period(LocalDate validFrom, LocalDate validTo) {
        boolean covers(LocalDate date) {
            return !date.isBefore(validFrom) && !date.isAfter(validTo);
        }
    }

    private record Backlogged(Phase phase, LocalDate referralDate) {
    }
}
