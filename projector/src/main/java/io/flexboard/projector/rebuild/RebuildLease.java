package io.flexboard.projector.rebuild;

import java.util.UUID;

/**
 * This projector instance's hold on a rebuild's row, renewed by the coordinator's heartbeats. Every
 * change a run makes to the row is conditional on still holding it, so a run that lost it (an
 * operator cancelled the rebuild, or another projector took it over after an expired lease) changes
 * nothing, and can ask which of the two happened.
 */
final class RebuildLease {

    private final Rebuilds rebuilds;
    private final UUID id;
    private final String owner;

    RebuildLease(Rebuilds rebuilds, UUID id, String owner) {
        this.rebuilds = rebuilds;
        this.id = id;
        this.owner = owner;
    }

    String owner() {
        return owner;
    }

    /** Records the running phase; false when the rebuild is no longer this owner's running one. */
    boolean enter(RebuildStatus phase) {
        return rebuilds.enter(id, owner, phase).block();
    }

    /** Shows the error the run is retrying after with the rebuild; null clears it. */
    void showError(String error) {
        rebuilds.retrying(id, owner, error).block();
    }

    void fail(String error) {
        rebuilds.fail(id, owner, error).block();
    }

    /** Gives the rebuild back for any projector to resume (this one stops). */
    void release() {
        rebuilds.release(id, owner).block();
    }

    /** Why this instance no longer holds the rebuild: cancelled, or another projector runs it now. */
    StopSignal.Reason lostBecause() {
        Rebuild now = rebuilds.find(id).block();
        return now != null && now.status() == RebuildStatus.CANCELLED ? StopSignal.Reason.CANCELLED : StopSignal.Reason.LOST;
    }
}
