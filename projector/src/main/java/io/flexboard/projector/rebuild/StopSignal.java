package io.flexboard.projector.rebuild;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Whether a run must stop before its end, and why. The coordinator asks for a stop (shutdown,
 * cancel, a lost lease); a lane that failed halts the other lanes until its phase is over, so that
 * its failure (not their stop) is the phase's. Either way every wait of the run returns at once: a
 * poll in progress (the lanes' consumers are woken) and a back-off.
 */
final class StopSignal {

    /** Why a run stops before its end. */
    enum Reason {
        /** This projector shuts down: the rebuild is released, to be resumed. */
        SHUTDOWN,
        /** An operator cancelled it: its schema is dropped. */
        CANCELLED,
        /** Another projector runs it now (this one's lease expired): hands off, touches nothing. */
        LOST
    }

    private final Object sleep = new Object();
    private final List<Runnable> wakeUps = new CopyOnWriteArrayList<>();
    private volatile Reason reason;
    /** Set when one lane failed: the others stop too, and the failure is the run's. */
    private volatile boolean halted;

    /** Also run at a stop or halt: a lane's consumer wake-up, so that its poll in progress returns at once. */
    void onWakeUp(Runnable wakeUp) {
        wakeUps.add(wakeUp);
    }

    /** Asks the run to stop at its next step; the first reason asked for is the run's. */
    void request(Reason why) {
        if (reason == null) {
            reason = why;
        }
        wakeUp();
    }

    /** Why the run was asked to stop; null while it was not. */
    Reason reason() {
        return reason;
    }

    /** One lane failed: the others stop the phase at their next step. */
    void halt() {
        halted = true;
        wakeUp();
    }

    /** The halted phase is over: the next one may run. */
    void resume() {
        halted = false;
    }

    /** Unwinds the calling lane or run when a stop was asked for or the phase is halted. */
    void check() {
        if (reason != null || halted) {
            throw new StoppedException();
        }
    }

    /** Asks for a stop and unwinds the caller with it. */
    StoppedException stop(Reason why) {
        request(why);
        return new StoppedException();
    }

    /** Waits {@code millis} unless a stop or halt comes first, then unwinds if one came. */
    void sleep(long millis) {
        synchronized (sleep) {
            if (reason == null && !halted) {
                try {
                    sleep.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    request(Reason.SHUTDOWN);
                }
            }
        }
        check();
    }

    private void wakeUp() {
        wakeUps.forEach(Runnable::run);
        synchronized (sleep) {
            sleep.notifyAll();
        }
    }

    /** The run was asked to stop ({@link #reason()} says why) or its phase halted; unwinds it to {@link RebuildRun#run()}. */
    static final class StoppedException extends RuntimeException {
        StoppedException() {
            super("stopped", null, false, false);
        }
    }
}
