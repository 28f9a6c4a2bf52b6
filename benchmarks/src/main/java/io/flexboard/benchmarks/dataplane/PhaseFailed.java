package io.flexboard.benchmarks.dataplane;

import io.flexboard.simulatedagents.Latencies;

/** A load phase whose requests mostly failed: its throughput and latencies would describe the refusals, so the run stops without figures. */
final class PhaseFailed extends RuntimeException {

    private PhaseFailed(String message) {
        super(message, null, false, false);
    }

    /** Throws when at least as many requests of {@code phase} failed as succeeded. */
    static void check(String phase, Latencies latencies) {
        if (latencies.errorsDominate()) {
            throw new PhaseFailed(phase + ": " + latencies.errors + " of " + (latencies.errors + latencies.count())
                    + " requests failed (" + latencies.errorsByStatus() + ")");
        }
    }
}
