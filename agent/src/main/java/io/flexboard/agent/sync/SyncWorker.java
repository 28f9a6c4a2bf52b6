package io.flexboard.agent.sync;

import io.flexboard.agent.serving.ServedState;
import io.flexboard.agent.status.AgentStatus;
import io.flexboard.agent.status.StatusFile;
import io.flexboard.agent.store.AppliedConfiguration;
import io.flexboard.agent.store.PublishedConfigurationStore;
import io.flexboard.agent.store.LoadedConfiguration;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync loop: long-polls the control plane, applies each valid update atomically and swaps the served
 * configuration, backs off on failures and reports the previous outcome with every request.
 */
public final class SyncWorker implements Runnable {

    /**
     * Syncs never start closer together than this. A bridge holds the request until something changes,
     * so this costs nothing then; a bridge that answers at once (long-polling off) is not hammered.
     */
    static final Duration MIN_SYNC_SPACING = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(SyncWorker.class);

    private final SyncSettings settings;
    private final ControlPlane controlPlane;
    private final PublishedConfigurationStore store;
    private final ServedState served;
    private final StatusFile statusFile;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final Clock clock;
    private final DataSourceReporting dataSources;

    private volatile boolean stopped;
    private volatile Thread runner;
    private AppliedConfiguration current;
    private LastSync lastSync;
    private AgentStatus status;
    private Instant nextFullResync;
    private int failures;

    /**
     * @param dataSources the ids and types of the data sources in use now (never a connection detail), reported
     *                    to the control plane so the builder can offer them
     */
    public SyncWorker(SyncSettings settings, LoadedConfiguration loaded, ControlPlane controlPlane,
                      PublishedConfigurationStore store, ServedState served, Backoff backoff, Sleeper sleeper, Clock clock,
                      Supplier<List<ReportedDataSource>> dataSources) {
        this.settings = settings;
        this.controlPlane = controlPlane;
        this.store = store;
        this.served = served;
        this.statusFile = new StatusFile(store.directory());
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.clock = clock;
        this.dataSources = new DataSourceReporting(dataSources);
        this.current = loaded.configuration();
        // A recovery at start is news for the control plane too: it goes out with the first sync.
        this.lastSync = loaded.problem().map(LastSync::error).orElse(LastSync.NOTHING_YET);
        this.nextFullResync = clock.instant().plus(settings.fullResyncInterval());
        this.status = AgentStatus.starting(settings.agentId(), settings.tenantId(), settings.agentVersion(),
                settings.controlPlaneUrl(), settings.localUrl(), current.version(), current.syncedAt());
        served.replace(current);
        publish(status);
    }

    /** Syncs until {@link #stop()}. */
    @Override
    public void run() {
        runner = Thread.currentThread();
        try {
            while (!stopped) {
                Duration pause = syncOnce();
                if (!stopped && pause.compareTo(Duration.ZERO) > 0) {
                    sleeper.sleep(pause);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            LOG.info("Sync worker stopped at version {}", current.version());
        }
    }

    /** Ends the loop, also in the middle of a long poll or a back-off sleep. */
    public void stop() {
        stopped = true;
        Thread thread = runner;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** The configuration the agent runs. */
    public AppliedConfiguration current() {
        return current;
    }

    /**
     * One sync: ask, apply, record, report. Returns how long to wait before the next one.
     *
     * @throws InterruptedException when stopped while waiting for the answer
     */
    Duration syncOnce() throws InterruptedException {
        Instant started = clock.instant();
        boolean full = !started.isBefore(nextFullResync);
        try {
            SyncRequest request = request(full);
            SyncAnswer answer = controlPlane.sync(request);
            dataSources.answered(request.dataSources());
            String outcome = take(answer);
            if (full) {
                nextFullResync = started.plus(settings.fullResyncInterval());
            }
            failures = 0;
            lastSync = LastSync.SUCCESS;
            Instant ended = clock.instant();
            LOG.info(syncLine(outcome, started, ended, full, null));
            publish(status.synced(ended, outcome, current.version(), current.syncedAt()));
            Duration elapsed = Duration.between(started, ended);
            Duration spacing = elapsed.compareTo(MIN_SYNC_SPACING) < 0 ? MIN_SYNC_SPACING.minus(elapsed) : Duration.ZERO;
            // Spread on top of the spacing, after every answer: answers that reach a whole fleet at once
            // (a publish, a stopping replica's release, a bridge that does not hold) must not bring it back at once.
            return spacing.plus(backoff.beforeNextPoll());
        } catch (SyncFailure failure) {
            if (failure.kind() == SyncFailure.Kind.REJECTED) {
                // A wrong key or tenant will not fix itself: ask slowly, at the cap, until someone fixes it.
                failures = Math.max(failures, Backoff.ATTEMPTS_TO_CAP);
            }
            return failed(started, full, failure.getMessage(), failure.retryAfter(), failure.kind() == SyncFailure.Kind.REJECTED);
        } catch (InvalidMetadataException e) {
            return failed(started, full, e.getMessage(), Optional.empty(), true);
        } catch (IOException e) {
            return failed(started, full, "cannot write the configuration to " + store.directory() + ": " + e, Optional.empty(), true);
        }
    }

    private SyncRequest request(boolean full) {
        return new SyncRequest(settings.tenantId(), full ? 0 : current.version(), settings.agentVersion(),
                settings.waitSeconds(), settings.agentId(), current.version(), lastSync.lastError(), lastSync.lastStatus(),
                dataSources.toSend(full));
    }

    /** Applies the answer's update if it is valid and new; returns the status the agent records. */
    private String take(SyncAnswer answer) throws InvalidMetadataException, IOException {
        if (!answer.hasUpdates()) {
            return AgentStatus.UP_TO_DATE;
        }
        MetadataValidator.validate(answer.latestVersion(), answer.metadata());
        if (current.holds(answer.latestVersion(), answer.metadata())) {
            // A full re-sync that found what is already on disk: nothing to rewrite.
            return AgentStatus.UP_TO_DATE;
        }
        AppliedConfiguration next = AppliedConfiguration.of(answer.latestVersion(), answer.metadata(), clock.instant());
        store.apply(next);
        long was = current.version();
        current = next;
        served.replace(next);
        LOG.info("Applied version {} (was {}), widget cache cleared", next.version(), was);
        return AgentStatus.SUCCESS;
    }

    private Duration failed(Instant started, boolean full, String error, Optional<Duration> retryAfter, boolean severe) {
        Duration pause = backoff.delay(failures, retryAfter);
        failures++;
        lastSync = LastSync.error(error);
        Instant ended = clock.instant();
        String line = syncLine(AgentStatus.ERROR, started, ended, full, error) + " retry_in_ms=" + pause.toMillis();
        // An outage fixes itself (WARN); a rejected key, a refused update or a full disk needs a person (ERROR).
        if (severe) {
            LOG.error(line);
        } else {
            LOG.warn(line);
        }
        publish(status.failed(ended, error));
        return pause;
    }

    /** One line per sync, as the roadmap's worker logs it: status, version, duration, error. */
    private String syncLine(String outcome, Instant started, Instant ended, boolean full, String error) {
        return "sync status=" + outcome + " version=" + current.version()
                + " duration_ms=" + Duration.between(started, ended).toMillis()
                + (full ? " full_resync=true" : "") + " error=" + (error == null ? "-" : error);
    }

    private void publish(AgentStatus latest) {
        status = latest;
        served.publish(latest);
        try {
            statusFile.write(latest);
        } catch (IOException e) {
            // status.json is for people and monitoring; failing to write it must not stop the syncs.
            LOG.warn("Cannot write {}: {}", StatusFile.NAME, e.toString());
        }
    }
}
