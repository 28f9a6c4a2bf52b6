package io.flexboard.infra.bench;

import java.util.Arrays;

/** Latencies of successful requests, the errors, and the elapsed time of a load phase. Not thread-safe: one per client thread, then merged. */
final class Latencies {

    private long[] latencies = new long[1024];
    private int size;
    long errors;
    long elapsedNanos;

    void record(long nanos) {
        if (size == latencies.length) {
            latencies = Arrays.copyOf(latencies, size * 2);
        }
        latencies[size++] = nanos;
    }

    void merge(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            record(other.latencies[i]);
        }
        errors += other.errors;
    }

    int count() {
        return size;
    }

    double perSecond() {
        return elapsedNanos == 0 ? 0 : size / (elapsedNanos / 1e9);
    }

    /** The p-th percentile in nanoseconds (nearest rank), or -1 when nothing was recorded. */
    long percentile(double p) {
        if (size == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(latencies, size);
        Arrays.sort(sorted);
        return sorted[Math.max(0, Math.min(size - 1, (int) Math.ceil(p / 100.0 * size) - 1))];
    }

    long max() {
        return percentile(100);
    }
}
