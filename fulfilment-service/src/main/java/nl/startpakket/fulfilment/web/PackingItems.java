package nl.startpakket.fulfilment.web;

import java.util.List;
import nl.startpakket.fulfilment.api.Actor;
import nl.startpakket.fulfilment.api.FindJobQuery;
import nl.startpakket.fulfilment.api.ItemQuantity;
import nl.startpakket.fulfilment.api.MarkPackedCommand;
import nl.startpakket.fulfilment.query.JobQueueQueries;
import nl.startpakket.fulfilment.query.StockQueries;
import nl.startpakket.fulfilment.query.TemplateView;
import nl.startpakket.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * What "packed" takes from stock: the checklist lines ticked on the packing screen, or without a
 * checklist the job's phase's default template in full. Lines must belong to the chosen template.
 */
@Component
public class PackingItems {

    private final JobQueueQueries jobs;
    private final StockQueries stock;

    public PackingItems(JobQueueQueries jobs, StockQueries stock) {
        this.jobs = jobs;
        this.stock = stock;
    }

    public MarkPackedCommand packedInFull(String jobId, Actor actor) {
        return jobs.handle(new FindJobQuery(jobId))
                .flatMap(job -> stock.defaultTemplate(job.phase()))
                .map(template -> new MarkPackedCommand(jobId, actor, template.templateId(), template.lines()))
                .orElseGet(() -> new MarkPackedCommand(jobId, actor));
    }

    /** The template's lines whose item ids were ticked. */
    public MarkPackedCommand packedFromChecklist(String jobId, Actor actor, String templateId, List<String> tickedItemIds) {
        TemplateView template = stock.template(templateId)
                .orElseThrow(() -> new ApiProblem(HttpStatus.BAD_REQUEST, "unknown-template", "Unknown template",
                        "No package template " + templateId + "."));
        List<ItemQuantity> used = template.lines().stream()
                .filter(line -> tickedItemIds != null && tickedItemIds.contains(line.itemId()))
                .toList();
        return new MarkPackedCommand(jobId, actor, templateId, used);
    }
}
