package nl.startpakket.fulfilment.web;

import nl.startpakket.fulfilment.api.Actor;
import nl.startpakket.fulfilment.api.MarkPackedCommand;
import org.springframework.stereotype.Component;

/** Turns "packed" without a checklist into the items of the job's default template. */
@Component
public class PackingItems {

    public MarkPackedCommand packedInFull(String jobId, Actor actor) {
        return new MarkPackedCommand(jobId, actor);
    }
}
