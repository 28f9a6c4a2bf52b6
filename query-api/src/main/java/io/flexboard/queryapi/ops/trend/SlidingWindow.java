package io.flexboard.queryapi.ops.trend;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last {@code size} positions of one consumer on one log, judged together. Not thread-safe. */
public final class SlidingWindow {

    private final int size;
    private final Deque<Position> samples = new ArrayDeque<>();

    public SlidingWindow(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a window holds at least one sample, got " + size);
        }
        this.size = size;
    }

    /** Adds the newest sample, forgets the oldest beyond the window, and judges the trend. */
    public LagStatus add(Position position, boolean consumerActive) {
        samples.addLast(position);
        while (samples.size() > size) {
            samples.removeFirst();
        }
        return LagEvaluator.evaluate(List.copyOf(samples), size, consumerActive);
    }
}
