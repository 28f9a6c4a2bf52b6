package io.flexboard.projector.rebuild;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.flexboard.projector.config.ProjectorSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One rebuild's work, on threads of its own (blocking is fine here: no request waits on it):
 * migrate its schema, read the history in batches of {@code max-poll-records} from the stored
 * offsets, then switch over. Every batch commits its offsets with its rows, so stopping at any
 * moment and running again later (here or on another projector) continues exactly where the last
 * commit left it. Memory stays one poll batch per lane whatever the history's size.
 *
 * <p>The partitions are read in {@code lanes} ({@link Lane}): lane i reads the partitions p with
 * p % lanes = i, with its own consumer, thread and transactions. A tenant's events are all on one
 * partition, so lanes never share a tenant and each keeps BatchProjection's order; they only let
 * the database and the projection work at the same time instead of taking turns, statement by
 * statement. The run's other parts: its phase ({@link RunPhases}), its hold on the rebuild's row
 * ({@link RebuildLease}), how it retries ({@link RetryPolicy}) and how it stops ({@link StopSignal}).
 */
final class RebuildRun implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RebuildRun.class);

    private final Rebuild rebuild;
    private final Map<String, Object> consumerConfig;
    private final Lane.Writes writes;
    private final Lane.LiveState live;
    private final SwitchOver switchOver;
    private final RebuildSettings settings;
    private final RebuildLease lease;
    private final StopSignal stop = new StopSignal();
    private final RetryPolicy retries;
    private final RunPhases phases;
    private final ProgressMeter meter;
    private volatile boolean finished;
    // Touched by the run's own thread only.
    private int switchFailures;

    RebuildRun(Rebuild rebuild, String owner, Map<String, Object> consumerConfig, Lane.Writes writes, Lane.LiveState live,
               SwitchOver switchOver, Rebuilds rebuilds, RebuildSettings settings, ProjectorSettings.Retry retry) {
        this.rebuild = rebuild;
        this.consumerConfig = consumerConfig;
        this.writes = writes;
        this.live = live;
        this.switchOver = switchOver;
        this.settings = settings;
        this.lease = new RebuildLease(rebuilds, rebuild.id(), owner);
        this.retries = new RetryPolicy(retry, lease, stop, rebuild.id());
        this.phases = new RunPhases(lease, retries);
        this.meter = new ProgressMeter(settings.rateWindow());
    }

    UUID id() {
        return rebuild.id();
    }

    RebuildStatus phase() {
        return phases.current();
    }

    boolean finished() {
        return finished;
    }

    ProgressSnapshot progress() {
        return meter.snapshot(System.nanoTime());
    }

    /** Asks the run to stop at its next step; a poll or back-off in progress returns at once. */
    void requestStop(StopSignal.Reason why) {
        stop.request(why);
    }

    @Override
    public void run() {
        try {
            log.info("Rebuild {} of {} into schema {} in {} lanes: {}", rebuild.id(),
                    rebuild.allReadModels() ? "all read models" : rebuild.readModels(), rebuild.targetSchema(), settings.lanes(),
                    rebuild.eventsApplied() > 0 ? "resuming from its stored offsets" : "starting");
            retries.retrying("prepare its schema", () -> {
                writes.schemas().prepare(rebuild.targetSchema());
                return null;
            });
            Map<Integer, Long> stored = retries.retrying("read its stored offsets", () -> writes.schemas().offsets(rebuild.targetSchema()));
            try (Lanes lanes = new Lanes(settings.lanes(), stop, meter)) {
                for (int index = 0; index < settings.lanes(); index++) {
                    lanes.add(new Lane(readerOfLane(index), stored, rebuild, settings, writes, live, lanes, retries, stop));
                }
                stop.check();
                lanes.inEach(Lane::refresh);
                while (!switched(lanes)) {
                    stop.check();
                }
            }
            finish(RebuildStatus.DONE, () -> { });
        } catch (StopSignal.StoppedException e) {
            stopped();
        } catch (SwitchOver.RefusedException e) {
            log.error("Rebuild {} failed: {}", rebuild.id(), e.getMessage());
            finish(RebuildStatus.FAILED, () -> lease.fail(e.getMessage()));
        } catch (RuntimeException e) {
            if (stop.reason() != null) {
                stopped();
            } else {
                log.error("Rebuild {} failed unexpectedly", rebuild.id(), e);
                finish(RebuildStatus.FAILED, () -> lease.fail("Unexpected failure: " + e));
            }
        } finally {
            finished = true;
        }
    }

    /** Copies until near the topic's end, compares, then tries the switch-over; false when it must be tried again. */
    private boolean switched(Lanes lanes) {
        lanes.inEach(Lane::copy);
        try {
            // The full comparison runs while the live projector goes on; under the lock only what moved since.
            switchOver.compare(rebuild);
            lanes.inEach(Lane::copy);
            switchOver.run(rebuild, lease.owner(), new SwitchPhases(lanes));
            phases.ended(RebuildStatus.DONE);
            return true;
        } catch (SwitchOver.RefusedException | StopSignal.StoppedException e) {
            throw e;
        } catch (SwitchOver.NotOwnedException e) {
            throw stop.stop(lease.lostBecause());
        } catch (RuntimeException e) {
            stop.check();
            phases.backToCopying(++switchFailures, e);
            return false;
        }
    }

    /** A lane's consumer: the run's, with a client id of its own. */
    private HistoryReader readerOfLane(int index) {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, consumerConfig.get(ConsumerConfig.CLIENT_ID_CONFIG) + "-" + index);
        return new HistoryReader(config, partition -> partition % settings.lanes() == index);
    }

    private void stopped() {
        switch (stop.reason()) {
            case SHUTDOWN -> {
                log.info("Rebuild {} stopped with this projector; it resumes from its stored offsets", rebuild.id());
                try {
                    lease.release();
                } catch (RuntimeException e) {
                    log.warn("Rebuild {}: could not release it; another projector takes it over after the lease", rebuild.id(), e);
                }
            }
            case CANCELLED -> finish(RebuildStatus.CANCELLED, () -> { });
            case LOST -> log.warn("Rebuild {}: another projector instance runs it now; this one stops", rebuild.id());
        }
    }

    /** Records the end (when not recorded yet) and drops the schema; a drop that fails is retried by the coordinator later. */
    private void finish(RebuildStatus end, Runnable record) {
        phases.ended(end);
        try {
            record.run();
            writes.schemas().drop(rebuild.targetSchema());
            log.info("Rebuild {} {}; schema {} dropped", rebuild.id(), end, rebuild.targetSchema());
        } catch (RuntimeException e) {
            log.warn("Rebuild {} {}, but could not clean up after it (retried later)", rebuild.id(), end, e);
        }
    }

    /** The three things the switch-over needs from the run, while it holds the live lock. */
    private final class SwitchPhases implements SwitchOver.Phases {

        private final Lanes lanes;

        SwitchPhases(Lanes lanes) {
            this.lanes = lanes;
        }

        /**
         * The catching_up phase, under the live lock: every lane reads up to the ends as they are now,
         * the live projector frozen. It holds the live projector meanwhile, so it gives up (the
         * switch-over rolls back and is tried again) at the first failed batch or after the lock timeout.
         */
        @Override
        public void catchUp() {
            if (!phases.catchingUp()) {
                throw stop.stop(lease.lostBecause());
            }
            long deadline = System.nanoTime() + settings.lockTimeout().toNanos();
            lanes.inEach(lane -> lane.catchUp(deadline));
        }

        @Override
        public boolean switching() {
            return phases.switching();
        }

        @Override
        public ProgressSnapshot progress() {
            return RebuildRun.this.progress();
        }
    }
}
