package io.flexboard.projector.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import io.flexboard.projector.config.ProjectorProperties;
import io.flexboard.projector.position.TenantPositions;
import io.flexboard.projector.projection.SequenceGapException;
import io.flexboard.schemas.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * One rebuild's work, on a thread of its own (blocking is fine here: no request waits on it):
 * migrate its schema, read the history in batches of {@code max-poll-records} from the stored
 * offsets, then switch over. Every batch commits its offsets with its rows, so stopping at any
 * moment and running again later (here or on another projector) continues exactly where the last
 * commit left it. Memory stays one poll batch whatever the history's size.
 */
final class RebuildRun implements Runnable {

    /** Why a run stops before its end. */
    enum Stop {
        /** This projector shuts down: the rebuild is released, to be resumed. */
        SHUTDOWN,
        /** An operator cancelled it: its schema is dropped. */
        CANCELLED,
        /** Another projector runs it now (this one's lease expired): hands off, touches nothing. */
        LOST
    }

    private static final Logger log = LoggerFactory.getLogger(RebuildRun.class);
    private static final LogAccessor logAccessor = new LogAccessor(RebuildRun.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

    private final Rebuild rebuild;
    private final String owner;
    private final Map<String, Object> consumerConfig;
    private final RebuildSchemas schemas;
    private final RebuildProjection projection;
    private final LivePositions livePositions;
    private final SwitchOver switchOver;
    private final Rebuilds rebuilds;
    private final RebuildProperties properties;
    private final ProjectorProperties.Retry retry;
    private final ProgressMeter meter;
    private final Object sleep = new Object();

    private volatile Stop stop;
    private volatile RebuildStatus phase = RebuildStatus.COPYING;
    private volatile boolean finished;
    private volatile HistoryReader reader;

    // Touched by the run's own thread only.
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final Set<TopicPartition> gated = new HashSet<>();
    private Map<TopicPartition, Long> ends = Map.of();
    private long nextRefresh;
    private long nextGateRetry;
    private int failures;
    private boolean errorShown;
    private boolean underLock;

    RebuildRun(Rebuild rebuild, String owner, Map<String, Object> consumerConfig, RebuildSchemas schemas,
               RebuildProjection projection, LivePositions livePositions, SwitchOver switchOver, Rebuilds rebuilds,
               RebuildProperties properties, ProjectorProperties.Retry retry) {
        this.rebuild = rebuild;
        this.owner = owner;
        this.consumerConfig = consumerConfig;
        this.schemas = schemas;
        this.projection = projection;
        this.livePositions = livePositions;
        this.switchOver = switchOver;
        this.rebuilds = rebuilds;
        this.properties = properties;
        this.retry = retry;
        this.meter = new ProgressMeter(properties.rateWindow());
    }

    UUID id() {
        return rebuild.id();
    }

    RebuildStatus phase() {
        return phase;
    }

    boolean finished() {
        return finished;
    }

    ProgressSnapshot progress() {
        return meter.snapshot(System.nanoTime());
    }

    /** Asks the run to stop at its next step; a poll or back-off in progress returns at once. */
    void requestStop(Stop why) {
        if (stop == null) {
            stop = why;
        }
        HistoryReader current = reader;
        if (current != null) {
            current.wakeup();
        }
        synchronized (sleep) {
            sleep.notifyAll();
        }
    }

    @Override
    public void run() {
        try {
            log.info("Rebuild {} of {} into schema {}: {}", rebuild.id(), rebuild.allReadModels() ? "all read models" : rebuild.readModels(),
                    rebuild.targetSchema(), rebuild.eventsApplied() > 0 ? "resuming from its stored offsets" : "starting");
            retrying("prepare its schema", () -> {
                schemas.prepare(rebuild.targetSchema());
                return null;
            });
            try (HistoryReader history = new HistoryReader(consumerConfig)) {
                reader = history;
                checkStop();
                Map<Integer, Long> stored = retrying("read its stored offsets", () -> schemas.offsets(rebuild.targetSchema()));
                refresh(stored);
                while (!switched()) {
                    checkStop();
                }
            }
            finish("done", () -> { });
        } catch (StoppedException e) {
            stopped();
        } catch (SwitchOver.RefusedException e) {
            log.error("Rebuild {} failed: {}", rebuild.id(), e.getMessage());
            finish("failed", () -> rebuilds.fail(rebuild.id(), owner, e.getMessage()).block());
        } catch (RuntimeException e) {
            if (stop != null) {
                stopped();
            } else {
                log.error("Rebuild {} failed unexpectedly", rebuild.id(), e);
                finish("failed", () -> rebuilds.fail(rebuild.id(), owner, "Unexpected failure: " + e).block());
            }
        } finally {
            finished = true;
        }
    }

    /** Copies until near the topic's end, then tries the switch-over; false when it must be tried again. */
    private boolean switched() {
        copy();
        try {
            switchOver.run(rebuild, owner, new SwitchPhases());
            phase = RebuildStatus.DONE;
            return true;
        } catch (SwitchOver.RefusedException | StoppedException e) {
            throw e;
        } catch (SwitchOver.NotOwnedException e) {
            throw stoppedBecauseNotOwned();
        } catch (RuntimeException e) {
            checkStop();
            phase = RebuildStatus.COPYING;
            backOff("switch over", ++failures, e);
            retrying("go back to copying", () -> rebuilds.enter(rebuild.id(), owner, RebuildStatus.COPYING).block());
            return false;
        }
    }

    /** The copying phase: batches while the live projector goes on, until the rebuild is at most switch-lag behind. */
    private void copy() {
        while (true) {
            checkStop();
            refreshWhenDue();
            if (behind() <= properties.switchLag()) {
                return;
            }
            step();
            if (!gated.isEmpty() && System.nanoTime() >= nextGateRetry) {
                // The live projector may have moved on: look again at the partitions waiting for it.
                ungate();
            }
        }
    }

    /**
     * The catching_up phase, under the live lock: read up to the ends as they are now, the live
     * projector frozen. It holds the live projector meanwhile, so it gives up (the switch-over rolls
     * back and is tried again) at the first failed batch or when it takes longer than the lock timeout.
     */
    private void catchUp() {
        phase = RebuildStatus.CATCHING_UP;
        if (!retrying("enter catching_up", () -> rebuilds.enter(rebuild.id(), owner, RebuildStatus.CATCHING_UP).block())) {
            throw stoppedBecauseNotOwned();
        }
        ungate();
        // The live projector cannot have applied anything beyond these: it reads the same read_committed ends.
        Map<TopicPartition, Long> targets = reader.ends();
        long deadline = System.nanoTime() + properties.lockTimeout().toNanos();
        underLock = true;
        try {
            while (!reached(targets)) {
                checkStop();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("catching up under the live lock took longer than "
                            + properties.lockTimeout() + " (flexboard.projector.rebuild.lock-timeout)");
                }
                step();
            }
        } finally {
            underLock = false;
        }
    }

    /** One poll: apply what may be applied, in one transaction with the partitions' next offsets. */
    private void step() {
        ConsumerRecords<String, EventEnvelope> records = reader.poll(POLL_TIMEOUT);
        Map<UUID, Long> limits = rebuild.allReadModels() ? null
                : retrying("read the live positions", () -> livePositions.of(tenantsOf(records)));
        List<EventEnvelope> events = new ArrayList<>(records.count());
        Map<TopicPartition, Long> next = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, EventEnvelope> record : records.records(partition)) {
                EventEnvelope event = record.value();
                if (event == null) {
                    throw undecodable(record);
                }
                if (limits != null && event.getAggregateSequence()
                        > limits.getOrDefault(UUID.fromString(event.getTenantId()), TenantPositions.NOTHING_APPLIED)) {
                    // Not applied live yet: this partition waits here (a tenant's events are all on one partition, in order).
                    reader.seek(partition, record.offset());
                    reader.pause(partition);
                    gated.add(partition);
                    next.put(partition, record.offset());
                    break;
                }
                events.add(event);
            }
        }
        for (TopicPartition partition : reader.partitions()) {
            if (!gated.contains(partition)) {
                next.put(partition, reader.position(partition));
            }
        }
        next.entrySet().removeIf(entry -> entry.getValue() <= committed.get(entry.getKey()));
        if (!next.isEmpty()) {
            apply(events, next);
        }
    }

    private void apply(List<EventEnvelope> events, Map<TopicPartition, Long> next) {
        Map<TopicPartition, Long> from = new HashMap<>();
        next.keySet().forEach(partition -> from.put(partition, committed.get(partition)));
        try {
            projection.apply(rebuild.targetSchema(), events, from, next);
        } catch (SequenceGapException e) {
            throw new SwitchOver.RefusedException("Sequence gap for tenant " + e.tenantId() + ": rebuilt up to "
                    + e.position() + ", the next event in flexboard.events is " + e.sequence() + ". The topic lacks an event"
                    + " the tenant's later ones build on, or holds the tenant on more than one partition (partitions added"
                    + " later); a rebuild cannot get past it");
        } catch (RebuildProjection.FencedException e) {
            throw stopped(Stop.LOST);
        } catch (RuntimeException e) {
            checkStop();
            // Read again from what is committed; whatever the failed batch did was rolled back.
            committed.forEach(reader::seek);
            ungate();
            if (underLock) {
                // Never retry while the live projector waits: the switch-over rolls back and is tried again.
                throw e;
            }
            backOff("apply a batch", ++failures, e);
            return;
        }
        committed.putAll(next);
        meter.record(System.nanoTime(), applied(), total());
        failures = 0;
        if (errorShown) {
            errorShown = false;
            retrying("clear its error", () -> rebuilds.retrying(rebuild.id(), owner, null).block());
        }
    }

    private boolean reached(Map<TopicPartition, Long> targets) {
        return reader.partitions().stream()
                .allMatch(partition -> gated.contains(partition) || committed.get(partition) >= targets.getOrDefault(partition, 0L));
    }

    /** Events between the stored offsets and the topic's end, not counting partitions that wait for the live projector. */
    private long behind() {
        long behind = 0;
        for (TopicPartition partition : reader.partitions()) {
            if (!gated.contains(partition)) {
                behind += Math.max(0, ends.getOrDefault(partition, 0L) - committed.get(partition));
            }
        }
        return behind;
    }

    private void refreshWhenDue() {
        if (System.nanoTime() >= nextRefresh) {
            refresh(Map.of());
        }
    }

    /** Picks up partitions (the first time: all) and the topic's current ends, for the progress and the switch. */
    private void refresh(Map<Integer, Long> stored) {
        Map<TopicPartition, Long> unstored = reader.assignNew(stored);
        if (!unstored.isEmpty()) {
            retrying("store its first offsets", () -> {
                schemas.seed(rebuild.targetSchema(), unstored);
                return null;
            });
        }
        for (TopicPartition partition : reader.partitions()) {
            committed.computeIfAbsent(partition, p -> stored.getOrDefault(p.partition(), reader.beginning(p)));
        }
        ends = reader.ends();
        meter.record(System.nanoTime(), applied(), total());
        nextRefresh = System.nanoTime() + properties.progressInterval().toNanos();
    }

    private void ungate() {
        reader.resumeAll();
        gated.clear();
        nextGateRetry = System.nanoTime() + properties.gateRetry().toNanos();
    }

    private long applied() {
        return committed.entrySet().stream().mapToLong(entry -> entry.getValue() - reader.beginning(entry.getKey())).sum();
    }

    private long total() {
        return ends.entrySet().stream().mapToLong(entry -> entry.getValue() - reader.beginning(entry.getKey())).sum();
    }

    /**
     * Runs a database step, retrying failures (an outage heals) with the projector's back-off until
     * it succeeds or the run is asked to stop; the last error is shown with the rebuild meanwhile.
     */
    private <T> T retrying(String what, Supplier<T> step) {
        int attempt = 0;
        while (true) {
            try {
                return step.get();
            } catch (StoppedException | SwitchOver.RefusedException e) {
                throw e;
            } catch (RuntimeException e) {
                checkStop();
                backOff(what, ++attempt, e);
            }
        }
    }

    private void backOff(String what, int attempt, RuntimeException failure) {
        long delay = Math.min(retry.maxInterval().toMillis(),
                retry.initialInterval().toMillis() * (1L << Math.min(attempt - 1, 20)));
        String error = "Could not " + what + " (attempt " + attempt + ", next in " + delay + " ms): " + failure;
        log.warn("Rebuild {}: {}", rebuild.id(), error);
        try {
            rebuilds.retrying(rebuild.id(), owner, error).block();
            errorShown = true;
        } catch (RuntimeException e) {
            log.debug("Rebuild {}: could not record the error either", rebuild.id(), e);
        }
        synchronized (sleep) {
            if (stop == null) {
                try {
                    sleep.wait(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    requestStop(Stop.SHUTDOWN);
                }
            }
        }
        checkStop();
    }

    private void checkStop() {
        if (stop != null) {
            throw new StoppedException();
        }
    }

    private StoppedException stopped(Stop why) {
        requestStop(why);
        return new StoppedException();
    }

    private StoppedException stoppedBecauseNotOwned() {
        Rebuild now = rebuilds.find(rebuild.id()).block();
        return stopped(now != null && now.status() == RebuildStatus.CANCELLED ? Stop.CANCELLED : Stop.LOST);
    }

    private void stopped() {
        switch (stop) {
            case SHUTDOWN -> {
                log.info("Rebuild {} stopped with this projector; it resumes from its stored offsets", rebuild.id());
                try {
                    rebuilds.release(rebuild.id(), owner).block();
                } catch (RuntimeException e) {
                    log.warn("Rebuild {}: could not release it; another projector takes it over after the lease", rebuild.id(), e);
                }
            }
            case CANCELLED -> finish("cancelled", () -> { });
            case LOST -> log.warn("Rebuild {}: another projector instance runs it now; this one stops", rebuild.id());
        }
    }

    /** Records the end (when not recorded yet) and drops the schema; a drop that fails is retried by the coordinator later. */
    private void finish(String outcome, Runnable record) {
        phase = switch (outcome) {
            case "done" -> RebuildStatus.DONE;
            case "cancelled" -> RebuildStatus.CANCELLED;
            default -> RebuildStatus.FAILED;
        };
        try {
            record.run();
            schemas.drop(rebuild.targetSchema());
            log.info("Rebuild {} {}; schema {} dropped", rebuild.id(), outcome, rebuild.targetSchema());
        } catch (RuntimeException e) {
            log.warn("Rebuild {} {}, but could not clean up after it (retried later)", rebuild.id(), outcome, e);
        }
    }

    private static Set<UUID> tenantsOf(ConsumerRecords<String, EventEnvelope> records) {
        Set<UUID> tenants = new HashSet<>();
        for (ConsumerRecord<String, EventEnvelope> record : records) {
            if (record.value() != null) {
                tenants.add(UUID.fromString(record.value().getTenantId()));
            }
        }
        return tenants;
    }

    private static SwitchOver.RefusedException undecodable(ConsumerRecord<String, EventEnvelope> record) {
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, logAccessor);
        return new SwitchOver.RefusedException("Undecodable record at " + record.topic() + "-" + record.partition() + "@"
                + record.offset() + " (key " + record.key() + "): " + (failure == null ? "no value" : failure.getMessage())
                + "; a rebuild cannot get past it (deploy a projector that reads it, then start a new rebuild)");
    }

    /** The three things the switch-over needs from the run, while it holds the live lock. */
    private final class SwitchPhases implements SwitchOver.Phases {
        @Override
        public void catchUp() {
            RebuildRun.this.catchUp();
        }

        @Override
        public boolean switching() {
            phase = RebuildStatus.SWITCHING;
            return retrying("enter switching", () -> rebuilds.enter(rebuild.id(), owner, RebuildStatus.SWITCHING).block());
        }

        @Override
        public ProgressSnapshot progress() {
            return RebuildRun.this.progress();
        }
    }

    /** The run was asked to stop ({@link #stop} says why); unwinds it to {@link #run()}. */
    private static final class StoppedException extends RuntimeException {
        StoppedException() {
            super("stopped", null, false, false);
        }
    }
}
