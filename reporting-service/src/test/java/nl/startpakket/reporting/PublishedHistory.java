package nl.startpakket.reporting;

import java.util.List;
import nl.startpakket.events.IntegrationEvent;
import nl.startpakket.events.billing.v1.ContractRegistered;
import nl.startpakket.events.funding.v1.FundingOnHold;
import nl.startpakket.events.funding.v1.FundingReleased;
import nl.startpakket.events.funding.v1.FundingReserved;
import nl.startpakket.platform.testing.TopicProbe;

/**
 * The known history on the shared broker, published once per test JVM as the other services
 * would, plus some events a second time with the same ids (at-least-once delivery). Every
 * integration test of the service reads the same history.
 */
final class PublishedHistory {

    static final String PREFIX = "it-";
    private static int duplicates = -1;

    private PublishedHistory() {
    }

    /** @return how many events were published twice */
    static synchronized int publishOnce() {
        if (duplicates >= 0) {
            return duplicates;
        }
        List<IntegrationEvent> history = EvaluationHistory.huizen2026(PREFIX);
        history.forEach(TopicProbe::publish);
        List<IntegrationEvent> again = history.stream()
                .filter(e -> e instanceof FundingReserved || e instanceof FundingOnHold || e instanceof FundingReleased
                        || e instanceof ContractRegistered)
                .toList();
        again.forEach(TopicProbe::publish);
        duplicates = again.size();
        return duplicates;
    }
}
