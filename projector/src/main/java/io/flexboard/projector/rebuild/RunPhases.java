package io.flexboard.projector.rebuild;

/**
 * The phase a run is in: known here at once (the coordinator's heartbeat logs it) and recorded in
 * the rebuild's row for every replica. {@code copying} → {@code catching_up} → {@code switching} →
 * {@code done}; a switch-over that fails rolls back to {@code copying} and is tried again; or it
 * ends {@code failed} or {@code cancelled}.
 */
final class RunPhases {

    private final RebuildLease lease;
    private final RetryPolicy retries;
    private volatile RebuildStatus phase = RebuildStatus.COPYING;

    RunPhases(RebuildLease lease, RetryPolicy retries) {
        this.lease = lease;
        this.retries = retries;
    }

    RebuildStatus current() {
        return phase;
    }

    /** The live lock is held; false when the rebuild is no longer this instance's (cancelled or taken over). */
    boolean catchingUp() {
        phase = RebuildStatus.CATCHING_UP;
        return retries.retrying("enter catching_up", () -> lease.enter(RebuildStatus.CATCHING_UP));
    }

    /** Caught up and checked; false when the rebuild is no longer this instance's (cancelled or taken over). */
    boolean switching() {
        phase = RebuildStatus.SWITCHING;
        return retries.retrying("enter switching", () -> lease.enter(RebuildStatus.SWITCHING));
    }

    /**
     * The switch-over failed and rolled back: copying again here at once, and in the row after the
     * back-off, just before the next try.
     */
    void backToCopying(int failures, RuntimeException failure) {
        phase = RebuildStatus.COPYING;
        retries.backOff("switch over", failures, failure);
        retries.retrying("go back to copying", () -> lease.enter(RebuildStatus.COPYING));
    }

    /** Done, failed or cancelled; the switch-over records done itself, the run the other two. */
    void ended(RebuildStatus end) {
        phase = end;
    }
}
