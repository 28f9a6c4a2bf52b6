package io.flexboard.projector.rebuild;

/**
 * How far a rebuild is: events read and applied (duplicates included) out of the events in the
 * topic, the speed over the last window and the time left at that speed (null while unknown).
 */
record ProgressSnapshot(long eventsApplied, long eventsTotal, Double eventsPerSecond, Long etaSeconds) {

    static final ProgressSnapshot NONE = new ProgressSnapshot(0, 0, null, null);
}
