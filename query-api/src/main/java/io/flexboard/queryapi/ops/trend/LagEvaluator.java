package io.flexboard.queryapi.ops.trend;

import java.util.List;

/**
 * Judges a consumer by the trend of its last samples, as LinkedIn's Burrow does, instead of by a
 * hand-set threshold: a lag of 50 000 that shrinks is fine, a lag of 3 that never moves is not.
 * The rules, the first that applies wins:
 * <ol>
 *   <li>REWIND: the committed position went backwards between two samples (a reset or a bug);</li>
 *   <li>STOP: there is lag and nobody consumes it (no member owns the partition, the relay holds no claim);</li>
 *   <li>OK: the lag was 0 in some sample: the consumer caught up within the window, so an idle
 *       partition never alarms;</li>
 *   <li>OK: the window is not full yet: too few samples to call a trend;</li>
 *   <li>STALL: the committed position never moved across the window while there was lag;</li>
 *   <li>WARN: it moves, but the lag never shrank between two samples and ends higher than it began;</li>
 *   <li>OK: otherwise (the lag is shrinking or going up and down).</li>
 * </ol>
 */
final class LagEvaluator {

    private LagEvaluator() {
    }

    /**
     * @param samples        the window, oldest first, not empty
     * @param windowSize     how many samples make a full window
     * @param consumerActive whether someone consumes this log now (judged on the newest sample)
     */
    public static LagStatus evaluate(List<Position> samples, int windowSize, boolean consumerActive) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("a verdict needs at least one sample");
        }
        Position newest = samples.get(samples.size() - 1);
        if (wentBackwards(samples)) {
            return LagStatus.REWIND;
        }
        if (newest.lag() > 0 && !consumerActive) {
            return LagStatus.STOP;
        }
        if (samples.stream().anyMatch(sample -> sample.lag() == 0) || samples.size() < windowSize) {
            return LagStatus.OK;
        }
        if (samples.stream().allMatch(sample -> sample.committed() == newest.committed())) {
            return LagStatus.STALL;
        }
        return lagNeverShrank(samples) && newest.lag() > samples.get(0).lag() ? LagStatus.WARN : LagStatus.OK;
    }

    private static boolean wentBackwards(List<Position> samples) {
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i).committed() < samples.get(i - 1).committed()) {
                return true;
            }
        }
        return false;
    }

    private static boolean lagNeverShrank(List<Position> samples) {
        for (int i = 1; i < samples.size(); i++) {
            if (samples.get(i).lag() < samples.get(i - 1).lag()) {
                return false;
            }
        }
        return true;
    }
}
