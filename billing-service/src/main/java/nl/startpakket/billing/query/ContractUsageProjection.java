package nl.startpakket.billing.query;

import java.math.BigDecimal;
import nl.startpakket.billing.api.BackloggedReferralWithdrawnEvent;
import nl.startpakket.billing.api.BillableLineRecordedEvent;
import nl.startpakket.billing.api.ContractAmendedEvent;
import nl.startpakket.billing.api.ContractRegisteredEvent;
import nl.startpakket.billing.api.ContractTerms;
import nl.startpakket.billing.api.InvoicingDetailsChangedEvent;
import nl.startpakket.billing.api.UsageThresholdReachedEvent;
import nl.startpakket.billing.api.FundingPutOnHoldEvent;
import nl.startpakket.billing.api.FundingReleasedEvent;
import nl.startpakket.billing.api.FundingReservedEvent;
import nl.startpakket.billing.api.Money;
import nl.startpakket.billing.api.ReferralBackloggedEvent;
import nl.startpakket.billing.query.FundingStatusDocument.FundingState;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Contracts, their amendments and each referral's funding state, for the API and the pages.
 * Every write is an overwrite keyed by a natural id, so an event processed twice changes nothing.
 */
@Component
@ProcessingGroup("contract-usage")
public class ContractUsageProjection {

    private final MongoTemplate mongo;
    private final FundingMetrics metrics;

    public ContractUsageProjection(MongoTemplate mongo, FundingMetrics metrics) {
        this.mongo = mongo;
        this.metrics = metrics;
    }

    @EventHandler
    void on(ContractRegisteredEvent event) {
        ContractTerms t = event.terms();
        mongo.save(new ContractDocument(event.contractId(), t.municipality(), t.validFrom(), t.validTo(),
                t.babyPrice().amount(), t.toddlerPrice().amount(), t.maxPackages(), amount(t.budget()),
                t.invoicePeriod().name(), event.invoicing().recipient(), event.invoicing().vat(), event.registeredBy(),
                event.occurredAt()));
        metrics.refresh(event.contractId());
    }

    @EventHandler
    void on(InvoicingDetailsChangedEvent event) {
        ContractDocument c = mongo.findById(event.contractId(), ContractDocument.class);
        if (c != null) {
            mongo.save(c.withInvoicing(event.invoicing().recipient(), event.invoicing().vat()));
        }
    }

    @EventHandler
    void on(UsageThresholdReachedEvent event, @MessageIdentifier String eventId) {
        boolean isNew = mongo.findById(eventId, UsageWarningDocument.class) == null;
        mongo.save(new UsageWarningDocument(eventId, event.contractId(), event.municipality(), event.measure().name(),
                event.thresholdPercent(), event.used(), event.limit(), event.occurredAt()));
        if (isNew) {
            metrics.warning(event.contractId(), event.measure(), event.thresholdPercent());
        }
    }

    @EventHandler
    void on(ContractAmendedEvent event, @MessageIdentifier String eventId) {
        ContractDocument c = mongo.findById(event.contractId(), ContractDocument.class);
        if (c != null) {
            mongo.save(c.withTerms(event.validTo(), event.maxPackages(), amount(event.budget())));
        }
        mongo.save(new AmendmentDocument(eventId, event.contractId(), event.maxPackages(), amount(event.budget()),
                event.validTo(), event.previousMaxPackages(), amount(event.previousBudget()), event.previousValidTo(),
                event.amendedBy(), event.reason(), event.occurredAt()));
    }

    @EventHandler
    void on(FundingReservedEvent event) {
        FundingStatusDocument before = mongo.findById(event.referralId(), FundingStatusDocument.class);
        save(new FundingStatusDocument(event.referralId(), event.contractId(), event.municipality(), event.phase().name(),
                event.referralDate(), FundingState.RESERVED, null, event.amount().amount(), null, event.occurredAt()));
        if (before == null || before.state() != FundingState.RESERVED) {
            metrics.reserved(event.municipality());
        }
    }

    @EventHandler
    void on(FundingPutOnHoldEvent event) {
        FundingStatusDocument before = mongo.findById(event.referralId(), FundingStatusDocument.class);
        save(new FundingStatusDocument(event.referralId(), event.contractId(), event.municipality(), event.phase().name(),
                event.referralDate(), FundingState.ON_HOLD, event.reason().name(), null, null, event.occurredAt()));
        if (before == null || before.state() != FundingState.ON_HOLD || !event.reason().name().equals(before.reason())) {
            metrics.onHold(event.municipality(), event.reason());
        }
    }

    @EventHandler
    void on(ReferralBackloggedEvent event) {
        FundingStatusDocument before = mongo.findById(event.referralId(), FundingStatusDocument.class);
        save(new FundingStatusDocument(event.referralId(), event.endedContractId(), event.municipality(),
                event.phase().name(), event.referralDate(), FundingState.ON_HOLD, event.reason().name(), null, null,
                event.occurredAt()));
        if (before == null) {
            metrics.onHold(event.municipality(), event.reason());
        }
    }

    @EventHandler
    void on(FundingReleasedEvent event) {
        FundingStatusDocument before = mongo.findById(event.referralId(), FundingStatusDocument.class);
        save(new FundingStatusDocument(event.referralId(), event.contractId(), event.municipality(), event.phase().name(),
                before != null ? before.referralDate() : null, FundingState.RELEASED, event.reason(), null, null,
                event.occurredAt()));
    }

    @EventHandler
    void on(BackloggedReferralWithdrawnEvent event) {
        FundingStatusDocument before = mongo.findById(event.referralId(), FundingStatusDocument.class);
        save(new FundingStatusDocument(event.referralId(), before != null ? before.contractId() : null,
                event.municipality(), event.phase().name(), before != null ? before.referralDate() : null,
                FundingState.RELEASED, event.reason(), null, null, event.occurredAt()));
    }

    @EventHandler
    void on(BillableLineRecordedEvent event) {
        FundingStatusDocument before = mongo.findById(event.referralId(), FundingStatusDocument.class);
        save(new FundingStatusDocument(event.referralId(), event.contractId(), event.municipality(), event.phase().name(),
                before != null ? before.referralDate() : null, FundingState.DELIVERED, null, event.amount().amount(),
                event.deliveredOn(), event.occurredAt()));
    }

    private void save(FundingStatusDocument status) {
        FundingStatusDocument previous = mongo.findById(status.referralId(), FundingStatusDocument.class);
        mongo.save(status);
        if (status.contractId() != null) {
            metrics.refresh(status.contractId());
        }
        if (previous != null && previous.contractId() != null && !previous.contractId().equals(status.contractId())) {
            metrics.refresh(previous.contractId());
        }
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }
}
