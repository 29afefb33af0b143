package nl.startpakket.fulfilment.api;

import nl.startpakket.events.Phase;

/** The package templates, of one phase or (null) all. */
public record FindTemplatesQuery(Phase phase) {
}
