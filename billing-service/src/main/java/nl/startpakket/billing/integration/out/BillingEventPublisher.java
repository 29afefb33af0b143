package nl.startpakket.billing.integration.out;

import nl.startpakket.billing.api.BackloggedReferralWithdrawnEvent;
import nl.startpakket.billing.api.BillableLineRecordedEvent;
import nl.startpakket.billing.api.ContractAmendedEvent;
import nl.startpakket.billing.api.ContractRegisteredEvent;
import nl.startpakket.billing.api.ContractTerms;
import nl.startpakket.billing.api.FundingPutOnHoldEvent;
import nl.startpakket.billing.api.InvoiceIssuedEvent;
import nl.startpakket.billing.api.InvoiceKind;
import nl.startpakket.billing.api.FundingReleasedEvent;
import nl.startpakket.billing.api.FundingReservedEvent;
import nl.startpakket.billing.api.Money;
import nl.startpakket.billing.api.ReferralBackloggedEvent;
import nl.startpakket.events.billing.v1.BillableLineRecorded;
import nl.startpakket.events.billing.v1.ContractAmended;
import nl.startpakket.events.billing.v1.ContractRegistered;
import nl.startpakket.events.billing.v1.InvoiceIssued;
import nl.startpakket.events.funding.v1.FundingOnHold;
import nl.startpakket.events.funding.v1.FundingReleased;
import nl.startpakket.events.funding.v1.FundingReserved;
import nl.startpakket.platform.messaging.EventIds;
import nl.startpakket.platform.messaging.IntegrationEventPublisher;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * The outbox relay: stored Axon events become the public funding and billing events. A tracking
 * processor; its token moves only after the broker acknowledged, and the integration event id is
 * derived from the stored event, so a re-publication is recognised downstream.
 */
@Component
@ProcessingGroup("kafka-publisher")
public class BillingEventPublisher {

    private final IntegrationEventPublisher publisher;

    public BillingEventPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(ContractRegisteredEvent event, @MessageIdentifier String id) {
        ContractTerms t = event.terms();
        publisher.publish(new ContractRegistered(EventIds.derive(id, ContractRegistered.class), event.occurredAt(),
                event.contractId(), t.municipality(), t.validFrom(), t.validTo(), t.babyPrice().amount(),
                t.toddlerPrice().amount(), t.maxPackages(), amount(t.budget())));
    }

    @EventHandler
    void on(ContractAmendedEvent event, @MessageIdentifier String id) {
        publisher.publish(new ContractAmended(EventIds.derive(id, ContractAmended.class), event.occurredAt(),
                event.contractId(), event.municipality(), event.validTo(), event.maxPackages(), amount(event.budget()),
                event.reason()));
    }

    @EventHandler
    void on(FundingReservedEvent event, @MessageIdentifier String id) {
        publisher.publish(new FundingReserved(EventIds.derive(id, FundingReserved.class), event.occurredAt(),
                event.referralId(), event.contractId(), event.municipality(), event.phase(), event.reservedOn()));
    }

    @EventHandler
    void on(FundingPutOnHoldEvent event, @MessageIdentifier String id) {
        publisher.publish(new FundingOnHold(EventIds.derive(id, FundingOnHold.class), event.occurredAt(),
                event.referralId(), event.contractId(), event.municipality(), event.phase(), event.heldOn(),
                event.reason().name()));
    }

    @EventHandler
    void on(ReferralBackloggedEvent event, @MessageIdentifier String id) {
        publisher.publish(new FundingOnHold(EventIds.derive(id, FundingOnHold.class), event.occurredAt(),
                event.referralId(), event.endedContractId(), event.municipality(), event.phase(), event.heldOn(),
                event.reason().name()));
    }

    @EventHandler
    void on(FundingReleasedEvent event, @MessageIdentifier String id) {
        publisher.publish(new FundingReleased(EventIds.derive(id, FundingReleased.class), event.occurredAt(),
                event.referralId(), event.contractId(), event.municipality(), event.phase(), event.releasedOn(),
                event.reason()));
    }

    @EventHandler
    void on(BackloggedReferralWithdrawnEvent event, @MessageIdentifier String id) {
        publisher.publish(new FundingReleased(EventIds.derive(id, FundingReleased.class), event.occurredAt(),
                event.referralId(), null, event.municipality(), event.phase(), event.releasedOn(), event.reason()));
    }

    @EventHandler
    void on(BillableLineRecordedEvent event, @MessageIdentifier String id) {
        publisher.publish(new BillableLineRecorded(EventIds.derive(id, BillableLineRecorded.class), event.occurredAt(),
                event.contractId(), event.municipality(), event.referralId(), event.phase(), event.deliveredOn(),
                event.amount().amount()));
    }

    @EventHandler
    void on(InvoiceIssuedEvent event, @MessageIdentifier String id) {
        java.math.BigDecimal sign = event.kind() == InvoiceKind.CREDIT_NOTE ? java.math.BigDecimal.ONE.negate()
                : java.math.BigDecimal.ONE;
        publisher.publish(new InvoiceIssued(EventIds.derive(id, InvoiceIssued.class), event.occurredAt(),
                event.contractId(), event.municipality(), event.invoiceId(), event.number(), event.issueDate(),
                event.periodStart(), event.periodEnd(), event.lines().size(),
                event.lineTotal().amount().multiply(sign), event.total().amount().multiply(sign)));
    }

    private static java.math.BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }
}
