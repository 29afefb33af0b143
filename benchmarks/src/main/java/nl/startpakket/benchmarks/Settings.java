package nl.startpakket.benchmarks;

import java.time.Duration;

/**
 * How much of everything a run does. {@link #full()} is the documented run behind
 * {@code docs/benchmarks.md}; {@link #quick()} is a smoke run for CI (every figure, tiny amounts).
 */
record Settings(
        String mode,
        int repeats,
        int stackRepeats,
        int coldStarts,
        Duration settle,
        // B1
        int kafkaMessages,
        int kafkaLatencyMessages,
        int kafkaLatencyRate,
        // B2
        int mongoSingleInserts,
        int mongoBatchedInserts,
        int mongoBatchSize,
        // B4
        int axonCreates,
        int axonUpdates,
        int axonAggregates,
        int axonThreads,
        // B5
        Duration pipelineDuration,
        int pipelineClients,
        // B6
        Duration latencyDuration,
        // B7
        int rebuildEvents,
        // B8
        Duration recoveryLoadBefore,
        // warm-up
        int warmupReferrals,
        // B9: rows of the generated history file (issue 13 asks for 10,000; a quick run keeps CI's time small)
        int historicRows) {

    static Settings full() {
        return new Settings("full", 3, 3, 3, Duration.ofSeconds(20),
                200_000, 10_000, 1_000,
                5_000, 100_000, 100,
                2_000, 300, 4, 4,
                Duration.ofSeconds(60), 24,
                Duration.ofSeconds(45),
                1_000_000,
                Duration.ofSeconds(10),
                300,
                10_000);
    }

    Settings withPipelineDuration(Duration duration) {
        return new Settings(mode, repeats, stackRepeats, coldStarts, settle, kafkaMessages, kafkaLatencyMessages,
                kafkaLatencyRate, mongoSingleInserts, mongoBatchedInserts, mongoBatchSize, axonCreates, axonUpdates,
                axonAggregates, axonThreads, duration, pipelineClients, latencyDuration, rebuildEvents,
                recoveryLoadBefore, warmupReferrals, historicRows);
    }

    Settings withRebuildEvents(int events) {
        return new Settings(mode, repeats, stackRepeats, coldStarts, settle, kafkaMessages, kafkaLatencyMessages,
                kafkaLatencyRate, mongoSingleInserts, mongoBatchedInserts, mongoBatchSize, axonCreates, axonUpdates,
                axonAggregates, axonThreads, pipelineDuration, pipelineClients, latencyDuration, events,
                recoveryLoadBefore, warmupReferrals, historicRows);
    }

    Settings withHistoricRows(int rows) {
        return new Settings(mode, repeats, stackRepeats, coldStarts, settle, kafkaMessages, kafkaLatencyMessages,
                kafkaLatencyRate, mongoSingleInserts, mongoBatchedInserts, mongoBatchSize, axonCreates, axonUpdates,
                axonAggregates, axonThreads, pipelineDuration, pipelineClients, latencyDuration, rebuildEvents,
                recoveryLoadBefore, warmupReferrals, rows);
    }

    static Settings quick() {
        return new Settings("quick", 1, 1, 1, Duration.ofSeconds(2),
                5_000, 1_000, 500,
                300, 3_000, 100,
                100, 20, 2, 4,
                Duration.ofSeconds(6), 12,
                Duration.ofSeconds(3),
                5_000,
                Duration.ofSeconds(3),
                15,
                500);
    }
}
