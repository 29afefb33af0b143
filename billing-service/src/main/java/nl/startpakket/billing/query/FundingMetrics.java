package nl.startpakket.billing.query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import nl.startpakket.billing.api.HoldReason;
import nl.startpakket.billing.api.UsageMeasure;
import nl.startpakket.billing.query.FundingStatusDocument.FundingState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Business metrics of funding: decisions counted as they happen ({@code startpakket.funding.reserved},
 * {@code startpakket.funding.on_hold} by reason) and, per contract, the packages reserved and
 * waiting right now (gauges read from the read model).
 */
@Component
public class FundingMetrics {

    private final MeterRegistry registry;
    private final MongoTemplate mongo;
    private final Map<String, AtomicLong> reservedPerContract = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> onHoldPerContract = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> capUsedPercent = new ConcurrentHashMap<>();

    public FundingMetrics(MeterRegistry registry, MongoTemplate mongo) {
        this.registry = registry;
        this.mongo = mongo;
    }

    public void reserved(String municipality) {
        registry.counter("startpakket.funding.reserved", "municipality", municipality).increment();
    }

    public void onHold(String municipality, HoldReason reason) {
        registry.counter("startpakket.funding.on_hold", "municipality", municipality, "reason", reason.name()).increment();
    }

    public void warning(String contractId, UsageMeasure measure, int thresholdPercent) {
        registry.counter("startpakket.contract.usage.warnings", "contract", contractId, "measure", measure.name(),
                "threshold", Integer.toString(thresholdPercent)).increment();
    }

    /** After a restart the gauges start from the read model, not from zero. */
    @EventListener(ApplicationReadyEvent.class)
    public void initialise() {
        mongo.findAll(ContractDocument.class).forEach(contract -> refresh(contract.contractId()));
    }

    /** Recounts a contract's reserved (not yet delivered) and held referrals for its gauges. */
    public void refresh(String contractId) {
        gauge(reservedPerContract, "startpakket.funding.reserved.packages", contractId)
                .set(count(contractId, FundingState.RESERVED));
        gauge(onHoldPerContract, "startpakket.funding.on_hold.packages", contractId)
                .set(count(contractId, FundingState.ON_HOLD));
        ContractDocument contract = mongo.findById(contractId, ContractDocument.class);
        if (contract != null && contract.maxPackages() != null) {
            long used = count(contractId, FundingState.RESERVED) + count(contractId, FundingState.DELIVERED);
            gauge(capUsedPercent, "startpakket.contract.cap.used.percent", contractId)
                    .set(used * 100 / contract.maxPackages());
        }
    }

    private long count(String contractId, FundingState state) {
        return mongo.count(Query.query(Criteria.where("contractId").is(contractId).and("state").is(state.name())),
                FundingStatusDocument.class);
    }

    private AtomicLong gauge(Map<String, AtomicLong> gauges, String name, String contractId) {
        return gauges.computeIfAbsent(contractId, id -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::get).tag("contract", id).register(registry);
            return value;
        });
    }
}
