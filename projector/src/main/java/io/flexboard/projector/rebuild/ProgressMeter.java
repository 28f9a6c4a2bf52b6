package io.flexboard.projector.rebuild;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Events per second over a sliding window, and the ETA at that speed. Fed a monotonic time (nanos)
 * with every committed batch, so it is tested without a clock. A resumed rebuild starts a new window
 * at its stored count: the speed is that of this run, not an average over a pause.
 */
final class ProgressMeter {

    /** At most one sample per this much time: a window of tiny batches stays small. */
    private static final long SAMPLE_SPACING_NANOS = Duration.ofMillis(100).toNanos();

    private final long windowNanos;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private long applied;
    private long total;

    ProgressMeter(Duration window) {
        this.windowNanos = window.toNanos();
    }

    synchronized void record(long nanos, long eventsApplied, long eventsTotal) {
        applied = eventsApplied;
        total = Math.max(eventsTotal, eventsApplied);
        Sample last = samples.peekLast();
        if (last == null || nanos - last.nanos() >= SAMPLE_SPACING_NANOS) {
            samples.addLast(new Sample(nanos, eventsApplied));
        }
        // Keep the newest sample that is at least a window old as the base, drop the older ones.
        while (samples.size() >= 2 && nanos - secondOldest().nanos() >= windowNanos) {
            samples.removeFirst();
        }
    }

    /** The progress now: the speed from the window's oldest sample to this moment, so a stall shows as slowing down. */
    synchronized ProgressSnapshot snapshot(long nanos) {
        Sample base = samples.peekFirst();
        long elapsed = base == null ? 0 : nanos - base.nanos();
        Double rate = elapsed > 0 ? (applied - base.applied()) * 1e9 / elapsed : null;
        Long eta = applied >= total ? Long.valueOf(0)
                : rate != null && rate > 0 ? Long.valueOf((long) Math.ceil((total - applied) / rate)) : null;
        return new ProgressSnapshot(applied, total, rate, eta);
    }

    private Sample secondOldest() {
        var iterator = samples.iterator();
        iterator.next();
        return iterator.next();
    }

    private record Sample(long nanos, long applied) {
    }
}
