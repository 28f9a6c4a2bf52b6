package io.flexboard.simulatedagents;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Latencies of successful requests, the errors, and the elapsed time of a load phase. Not thread-safe: one per client thread, then merged. */
public final class Latencies {

    /** The status of a request that got no HTTP answer (refused connection, timeout). */
    public static final int NO_ANSWER = 0;

    private long[] latencies = new long[1024];
    private int size;
    private final Map<Integer, Long> errorsByStatus = new TreeMap<>();
    public long errors;
    public long elapsedNanos;

    public void record(long nanos) {
        if (size == latencies.length) {
            latencies = Arrays.copyOf(latencies, size * 2);
        }
        latencies[size++] = nanos;
    }

    /** A failed request: its HTTP status, or {@link #NO_ANSWER}. */
    public void error(int status) {
        errors++;
        errorsByStatus.merge(status, 1L, Long::sum);
    }

    public void merge(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            record(other.latencies[i]);
        }
        errors += other.errors;
        other.errorsByStatus.forEach((status, count) -> errorsByStatus.merge(status, count, Long::sum));
    }

    /** The errors by status, e.g. {@code 429: 27425, no answer: 3}; "none" without errors. */
    public String errorsByStatus() {
        if (errors == 0) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        errorsByStatus.forEach((status, count) -> text.append(text.isEmpty() ? "" : ", ")
                .append(status == NO_ANSWER ? "no answer" : status.toString()).append(": ").append(count));
        long unclassified = errors - errorsByStatus.values().stream().mapToLong(Long::longValue).sum();
        return unclassified > 0 ? text.append(text.isEmpty() ? "" : ", ").append("other: ").append(unclassified).toString() : text.toString();
    }

    /** Whether at least as many requests failed as succeeded: the phase then measured the errors, not the system. */
    public boolean errorsDominate() {
        return errors > 0 && errors >= size;
    }

    public int count() {
        return size;
    }

    public double perSecond() {
        return elapsedNanos == 0 ? 0 : size / (elapsedNanos / 1e9);
    }

    /** The p-th percentile in nanoseconds (nearest rank), or -1 when nothing was recorded. */
    public long percentile(double p) {
        if (size == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(latencies, size);
        Arrays.sort(sorted);
        return sorted[Math.max(0, Math.min(size - 1, (int) Math.ceil(p / 100.0 * size) - 1))];
    }

    public long max() {
        return percentile(100);
    }
}
