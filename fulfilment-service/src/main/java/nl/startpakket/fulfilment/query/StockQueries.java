package nl.startpakket.fulfilment.query;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.startpakket.events.Phase;
import nl.startpakket.fulfilment.api.FindStockQuery;
import nl.startpakket.fulfilment.api.FindTemplatesQuery;
import nl.startpakket.fulfilment.api.ItemQuantity;
import nl.startpakket.fulfilment.api.JobStatus;
import nl.startpakket.fulfilment.api.StockLine;
import nl.startpakket.fulfilment.api.TemplateVariant;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Templates, and stock against the demand of the jobs waiting to be packed. */
@Component
public class StockQueries {

    private final MongoTemplate mongo;

    public StockQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @QueryHandler
    public List<TemplateView> handle(FindTemplatesQuery query) {
        Query q = query.phase() == null ? new Query() : Query.query(where("phase").is(query.phase()));
        return mongo.find(q.with(Sort.by("phase", "_id")), TemplateView.class);
    }

    public Optional<TemplateView> template(String templateId) {
        return Optional.ofNullable(mongo.findById(templateId, TemplateView.class));
    }

    /** The template packed when nobody chose one: the phase's neutral one, else its first. */
    public Optional<TemplateView> defaultTemplate(Phase phase) {
        List<TemplateView> templates = handle(new FindTemplatesQuery(phase));
        return templates.stream().filter(t -> t.variant() == TemplateVariant.NEUTRAL).findFirst()
                .or(() -> templates.stream().findFirst());
    }

    public boolean itemExists(String itemId) {
        return mongo.exists(Query.query(where("_id").is(itemId).and("registered").is(true)), StockLevelView.class);
    }

    @QueryHandler
    public List<StockLine> handle(FindStockQuery query) {
        Map<Phase, Long> waiting = waitingJobsPerPhase();
        Map<String, Integer> demand = new HashMap<>();
        for (Phase phase : Phase.values()) {
            Map<String, Integer> perJob = new HashMap<>();
            for (TemplateView template : handle(new FindTemplatesQuery(phase))) {
                for (ItemQuantity line : template.lines()) {
                    perJob.merge(line.itemId(), line.quantity(), Math::max);
                }
            }
            long jobs = waiting.getOrDefault(phase, 0L);
            perJob.forEach((item, quantity) -> demand.merge(item, (int) (quantity * jobs), Integer::sum));
        }
        Query levels = new Query();
        levels.fields().exclude("appliedEvents");
        return mongo.find(levels, StockLevelView.class).stream()
                .map(level -> {
                    int need = demand.getOrDefault(level.itemId(), 0);
                    return new StockLine(level.itemId(), level.nameNl(), level.nameEn(), level.category(), level.onHand(),
                            need, level.reorderLevel(), StockLine.stateOf(level.onHand(), need, level.reorderLevel()));
                })
                .sorted(Comparator.comparing(StockLine::state).thenComparing(l -> l.category() == null ? "" : l.category())
                        .thenComparing(StockLine::itemId))
                .toList();
    }

    /** Jobs that will still take stock: queued or claimed, or parked before they were packed. */
    private Map<Phase, Long> waitingJobsPerPhase() {
        Map<Phase, Long> result = new EnumMap<>(Phase.class);
        Criteria notPacked = new Criteria().orOperator(
                where("status").in(JobStatus.QUEUED, JobStatus.CLAIMED),
                where("status").is(JobStatus.EXCEPTION).and("packedOn").is(null));
        for (JobView job : mongo.find(Query.query(where("listed").is(true).andOperator(notPacked)), JobView.class)) {
            if (job.phase() != null) {
                result.merge(job.phase(), 1L, Long::sum);
            }
        }
        return result;
    }
}
