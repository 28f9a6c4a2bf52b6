package io.flexboard.projector.rebuild;

import java.util.UUID;
import java.util.function.Supplier;

import io.flexboard.projector.config.ProjectorSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a run retries: with the live projector's back-off ({@code flexboard.projector.retry}), until
 * the step succeeds or the run stops, since a database outage heals. The last error is shown with
 * the rebuild meanwhile, and cleared once a batch goes through again.
 */
final class RetryPolicy {

    // The run's logger: one category for everything a rebuild logs.
    private static final Logger log = LoggerFactory.getLogger(RebuildRun.class);

    private final ProjectorSettings.Retry retry;
    private final RebuildLease lease;
    private final StopSignal stop;
    private final UUID rebuildId;
    private volatile boolean errorShown;

    RetryPolicy(ProjectorSettings.Retry retry, RebuildLease lease, StopSignal stop, UUID rebuildId) {
        this.retry = retry;
        this.lease = lease;
        this.stop = stop;
        this.rebuildId = rebuildId;
    }

    /**
     * Runs a database step, retrying failures until it succeeds or the run is asked to stop. A stop
     * and a refusal are not failures to retry: they end the run.
     */
    <T> T retrying(String what, Supplier<T> step) {
        int attempt = 0;
        while (true) {
            try {
                return step.get();
            } catch (StopSignal.StoppedException | SwitchOver.RefusedException e) {
                throw e;
            } catch (RuntimeException e) {
                stop.check();
                backOff(what, ++attempt, e);
            }
        }
    }

    /** Shows the failure with the rebuild and waits before the next attempt; a stop cuts the wait short. */
    void backOff(String what, int attempt, RuntimeException failure) {
        long delay = Math.min(retry.maxInterval().toMillis(),
                retry.initialInterval().toMillis() * (1L << Math.min(attempt - 1, 20)));
        String error = "Could not " + what + " (attempt " + attempt + ", next in " + delay + " ms): " + failure;
        log.warn("Rebuild {}: {}", rebuildId, error);
        try {
            lease.showError(error);
            errorShown = true;
        } catch (RuntimeException e) {
            log.debug("Rebuild {}: could not record the error either", rebuildId, e);
        }
        stop.sleep(delay);
    }

    /** A batch went through: the error shown while retrying is cleared. */
    void succeeded() {
        if (errorShown) {
            errorShown = false;
            retrying("clear its error", () -> {
                lease.showError(null);
                return null;
            });
        }
    }
}
