package nl.startpakket.billing.query;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.startpakket.billing.query.FundingStatusDocument.FundingState;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads of the contract read model: terms, usage, the contract valid on a date, history, held referrals. */
@Component
public class ContractQueries {

    private final MongoTemplate mongo;
    private final Clock clock;

    public ContractQueries(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public List<UsageWarningDocument> warnings(String contractId) {
        return mongo.find(Query.query(Criteria.where("contractId").is(contractId)), UsageWarningDocument.class).stream()
                .sorted(Comparator.comparing(UsageWarningDocument::reachedAt))
                .toList();
    }

    /** The contract's hold queue in the order it will be funded (first held, first funded). */
    public List<FundingStatusDocument> holdQueue(String contractId) {
        return mongo.find(Query.query(Criteria.where("contractId").is(contractId)
                        .and("state").is(FundingState.ON_HOLD.name())), FundingStatusDocument.class).stream()
                .sorted(Comparator.comparing(FundingStatusDocument::since))
                .toList();
    }

    public Optional<ContractDocument> contract(String contractId) {
        return Optional.ofNullable(mongo.findById(contractId, ContractDocument.class));
    }

    public List<ContractDocument> contracts() {
        return mongo.findAll(ContractDocument.class).stream()
                .sorted(Comparator.comparing(ContractDocument::municipality).thenComparing(ContractDocument::validFrom))
                .toList();
    }

    /** The lookup the routing rule describes: the municipality's contract valid on the date, if any. */
    public Optional<ContractDocument> contractValidOn(String municipality, LocalDate date) {
        return mongo.find(Query.query(Criteria.where("municipality").is(municipality)), ContractDocument.class).stream()
                .filter(c -> !date.isBefore(c.validFrom()) && !date.isAfter(c.validTo()))
                .max(Comparator.comparing(ContractDocument::validFrom));
    }

    public List<AmendmentDocument> amendments(String contractId) {
        return mongo.find(Query.query(Criteria.where("contractId").is(contractId)), AmendmentDocument.class).stream()
                .sorted(Comparator.comparing(AmendmentDocument::amendedAt))
                .toList();
    }

    public List<FundingStatusDocument> fundingOf(String contractId) {
        return mongo.find(Query.query(Criteria.where("contractId").is(contractId)), FundingStatusDocument.class);
    }

    /** Referrals waiting for funding, oldest first; all municipalities when {@code municipality} is null. */
    public List<FundingStatusDocument> heldReferrals(String municipality) {
        Criteria criteria = Criteria.where("state").is(FundingState.ON_HOLD.name());
        if (municipality != null) {
            criteria = criteria.and("municipality").is(municipality);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("since")), FundingStatusDocument.class).stream()
                .sorted(Comparator.comparing(FundingStatusDocument::since))
                .toList();
    }

    public ContractUsage usage(ContractDocument contract, BigDecimal invoicedAmount) {
        long reserved = 0;
        long delivered = 0;
        long onHold = 0;
        BigDecimal committed = BigDecimal.ZERO;
        for (FundingStatusDocument status : fundingOf(contract.contractId())) {
            switch (status.state()) {
                case RESERVED -> {
                    reserved++;
                    committed = committed.add(status.amount());
                }
                case DELIVERED -> {
                    delivered++;
                    committed = committed.add(status.amount());
                }
                case ON_HOLD -> onHold++;
                case RELEASED -> {
                }
            }
        }
        Long remaining = null;
        if (contract.maxPackages() != null) {
            remaining = Math.max(0, contract.maxPackages() - reserved - delivered);
        }
        if (contract.budget() != null) {
            BigDecimal highestPrice = contract.babyPrice().max(contract.toddlerPrice());
            long byBudget = Math.max(0, contract.budget().subtract(committed)
                    .divide(highestPrice, 0, RoundingMode.FLOOR).longValue());
            remaining = remaining == null ? byBudget : Math.min(remaining, byBudget);
        }
        return new ContractUsage(reserved, delivered, onHold, remaining, committed.setScale(2, RoundingMode.HALF_EVEN),
                invoicedAmount.setScale(2, RoundingMode.HALF_EVEN), forecastCapReachedOn(contract, reserved + delivered));
    }

    /**
     * At the rate packages were committed since the contract started (or was registered, if
     * later), the day the cap will be reached; today when it is; null without cap or usage.
     */
    LocalDate forecastCapReachedOn(ContractDocument contract, long used) {
        if (contract.maxPackages() == null || used == 0) {
            return null;
        }
        LocalDate today = LocalDate.now(clock);
        if (used >= contract.maxPackages()) {
            return today;
        }
        LocalDate start = contract.validFrom();
        if (contract.registeredAt() != null) {
            LocalDate registered = LocalDate.ofInstant(contract.registeredAt(), clock.getZone());
            start = registered.isAfter(start) ? registered : start;
        }
        long days = Math.max(1, ChronoUnit.DAYS.between(start, today) + 1);
        // remaining / (used / days), rounded up, in exact integer arithmetic (reporting computes the same date)
        long remaining = contract.maxPackages() - used;
        long daysLeft = (remaining * days + used - 1) / used;
        return today.plusDays(daysLeft);
    }
}
