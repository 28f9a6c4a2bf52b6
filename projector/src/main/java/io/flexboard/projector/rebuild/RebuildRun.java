package io.flexboard.projector.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.flexboard.projector.config.ProjectorSettings;
import io.flexboard.projector.position.TenantPositions;
import io.flexboard.projector.projection.SequenceGapException;
import io.flexboard.schemas.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * One rebuild's work, on threads of its own (blocking is fine here: no request waits on it):
 * migrate its schema, read the history in batches of {@code max-poll-records} from the stored
 * offsets, then switch over. Every batch commits its offsets with its rows, so stopping at any
 * moment and running again later (here or on another projector) continues exactly where the last
 * commit left it. Memory stays one poll batch per lane whatever the history's size.
 *
 * <p>The partitions are read in {@code lanes}: lane i reads the partitions p with p % lanes = i,
 * with its own consumer, thread and transactions. A tenant's events are all on one partition, so
 * lanes never share a tenant and each keeps BatchProjection's order; they only let the database
 * and the projection work at the same time instead of taking turns, statement by statement.
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
    private final LiveQuarantines liveQuarantines;
    private final SwitchOver switchOver;
    private final Rebuilds rebuilds;
    private final RebuildSettings settings;
    private final ProjectorSettings.Retry retry;
    private final ProgressMeter meter;
    private final Object sleep = new Object();

    private final List<Lane> lanes = new CopyOnWriteArrayList<>();

    private volatile Stop stop;
    /** Set when one lane failed: the others stop too, and the failure is the run's. */
    private volatile boolean halted;
    private volatile RebuildStatus phase = RebuildStatus.COPYING;
    private volatile boolean finished;
    private volatile boolean errorShown;
    // Touched by the run's own thread only.
    private int switchFailures;

    RebuildRun(Rebuild rebuild, String owner, Map<String, Object> consumerConfig, RebuildSchemas schemas,
               RebuildProjection projection, LivePositions livePositions, LiveQuarantines liveQuarantines, SwitchOver switchOver, Rebuilds rebuilds,
               RebuildSettings settings, ProjectorSettings.Retry retry) {
        this.rebuild = rebuild;
        this.owner = owner;
        this.consumerConfig = consumerConfig;
        this.schemas = schemas;
        this.projection = projection;
        this.livePositions = livePositions;
        this.liveQuarantines = liveQuarantines;
        this.switchOver = switchOver;
        this.rebuilds = rebuilds;
        this.settings = settings;
        this.retry = retry;
        this.meter = new ProgressMeter(settings.rateWindow());
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
        wakeUp();
    }

    private void wakeUp() {
        lanes.forEach(Lane::wakeup);
        synchronized (sleep) {
            sleep.notifyAll();
        }
    }

    @Override
    public void run() {
        AtomicInteger laneThreads = new AtomicInteger();
        String name = Thread.currentThread().getName();
        ExecutorService threads = Executors.newFixedThreadPool(settings.lanes(),
                runnable -> new Thread(runnable, name + "-lane-" + laneThreads.getAndIncrement()));
        try {
            log.info("Rebuild {} of {} into schema {} in {} lanes: {}", rebuild.id(),
                    rebuild.allReadModels() ? "all read models" : rebuild.readModels(), rebuild.targetSchema(), settings.lanes(),
                    rebuild.eventsApplied() > 0 ? "resuming from its stored offsets" : "starting");
            retrying("prepare its schema", () -> {
                schemas.prepare(rebuild.targetSchema());
                return null;
            });
            Map<Integer, Long> stored = retrying("read its stored offsets", () -> schemas.offsets(rebuild.targetSchema()));
            try {
                for (int index = 0; index < settings.lanes(); index++) {
                    lanes.add(new Lane(index, stored));
                }
                checkStop();
                inLanes(threads, lane -> lane.refresh(stored));
                while (!switched(threads)) {
                    checkStop();
                }
            } finally {
                lanes.forEach(Lane::close);
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
            threads.shutdownNow();
            finished = true;
        }
    }

    /** Copies until near the topic's end, compares, then tries the switch-over; false when it must be tried again. */
    private boolean switched(ExecutorService threads) {
        inLanes(threads, Lane::copy);
        try {
            // The full comparison runs while the live projector goes on; under the lock only what moved since.
            switchOver.compare(rebuild);
            inLanes(threads, Lane::copy);
            switchOver.run(rebuild, owner, new SwitchPhases(threads));
            phase = RebuildStatus.DONE;
            return true;
        } catch (SwitchOver.RefusedException | StoppedException e) {
            throw e;
        } catch (SwitchOver.NotOwnedException e) {
            throw stoppedBecauseNotOwned();
        } catch (RuntimeException e) {
            checkStop();
            phase = RebuildStatus.COPYING;
            backOff("switch over", ++switchFailures, e);
            retrying("go back to copying", () -> rebuilds.enter(rebuild.id(), owner, RebuildStatus.COPYING).block());
            return false;
        }
    }

    /**
     * The catching_up phase, under the live lock: every lane reads up to the ends as they are now,
     * the live projector frozen. It holds the live projector meanwhile, so it gives up (the
     * switch-over rolls back and is tried again) at the first failed batch or after the lock timeout.
     */
    private void catchUp(ExecutorService threads) {
        phase = RebuildStatus.CATCHING_UP;
        if (!retrying("enter catching_up", () -> rebuilds.enter(rebuild.id(), owner, RebuildStatus.CATCHING_UP).block())) {
            throw stoppedBecauseNotOwned();
        }
        long deadline = System.nanoTime() + settings.lockTimeout().toNanos();
        inLanes(threads, lane -> lane.catchUp(deadline));
    }

    /**
     * Runs one phase in every lane at once and waits for all of them. The first lane to fail stops
     * the others, and its failure (not their stop) is the phase's.
     */
    private void inLanes(ExecutorService threads, Consumer<Lane> work) {
        List<Future<?>> running = lanes.stream().map(lane -> threads.submit(() -> work.accept(lane))).collect(Collectors.toList());
        RuntimeException failure = null;
        for (Future<?> lane : running) {
            try {
                lane.get();
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
                if (failure == null || failure instanceof StoppedException && !(cause instanceof StoppedException)) {
                    failure = cause;
                }
                halted = true;
                wakeUp();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                requestStop(Stop.SHUTDOWN);
            }
        }
        halted = false;
        if (failure != null) {
            throw failure;
        }
        checkStop();
    }

    private long applied() {
        return lanes.stream().mapToLong(lane -> lane.applied).sum();
    }

    private long total() {
        return lanes.stream().mapToLong(lane -> lane.total).sum();
    }

    private long behind() {
        return lanes.stream().mapToLong(lane -> lane.behind).sum();
    }

    /** A batch went through: the error shown while retrying is cleared. */
    private void succeeded() {
        meter.record(System.nanoTime(), applied(), total());
        if (errorShown) {
            errorShown = false;
            retrying("clear its error", () -> rebuilds.retrying(rebuild.id(), owner, null).block());
        }
    }

    /** One lane: its partitions, its consumer, what it committed. Each lane runs on one thread at a time. */
    private final class Lane implements AutoCloseable {

        private final HistoryReader reader;
        private final Map<Integer, Long> stored;
        private final Map<TopicPartition, Long> committed = new HashMap<>();
        private final Set<TopicPartition> gated = new HashSet<>();
        private Map<TopicPartition, Long> ends = Map.of();
        private long nextRefresh;
        private long nextGateRetry;
        private int failures;
        private boolean underLock;
        volatile long applied;
        volatile long total;
        volatile long behind;

        Lane(int index, Map<Integer, Long> stored) {
            Map<String, Object> config = new HashMap<>(consumerConfig);
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, consumerConfig.get(ConsumerConfig.CLIENT_ID_CONFIG) + "-" + index);
            this.reader = new HistoryReader(config, partition -> partition % settings.lanes() == index);
            this.stored = stored;
        }

        /** The copying phase: batches while the live projector goes on, until the whole rebuild is at most switch-lag behind. */
        void copy() {
            while (true) {
                checkStop();
                refreshWhenDue();
                if (RebuildRun.this.behind() <= settings.switchLag()) {
                    return;
                }
                step();
                if (!gated.isEmpty() && System.nanoTime() >= nextGateRetry) {
                    // The live projector may have moved on: look again at the partitions waiting for it.
                    ungate();
                }
            }
        }

        /** Up to the ends as they are now that the live projector is frozen (it reads the same read_committed ends). */
        void catchUp(long deadline) {
            ungate();
            Map<TopicPartition, Long> targets = reader.ends();
            underLock = true;
            try {
                while (!reached(targets)) {
                    checkStop();
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("catching up under the live lock took longer than "
                                + settings.lockTimeout() + " (flexboard.projector.rebuild.lock-timeout)");
                    }
                    step();
                }
            } finally {
                underLock = false;
            }
        }

        /** One poll: apply what may be applied, in one transaction with the partitions' next offsets. */
        private void step() {
            ConsumerRecords<String, EventEnvelope> records;
            try {
                records = reader.poll(POLL_TIMEOUT);
            } catch (WakeupException e) {
                // A wake-up meant for a stop, or one left over from halting a phase this lane had finished.
                checkStop();
                return;
            }
            Map<UUID, Long> limits = rebuild.allReadModels() ? null
                    : retrying("read the live positions", () -> livePositions.of(tenantsOf(records)));
            LiveQuarantines.Decisions decisions = retrying("read the live quarantines", () -> liveQuarantines.of(tenantsOf(records)));
            List<EventEnvelope> events = new ArrayList<>(records.count());
            Map<TopicPartition, Long> next = new HashMap<>();
            for (TopicPartition partition : records.partitions()) {
                for (ConsumerRecord<String, EventEnvelope> record : records.records(partition)) {
                    EventEnvelope event = record.value();
                    if (event == null) {
                        throw undecodable(record);
                    }
                    if (decisions.waiting(event)) {
                        continue;
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
                apply(events, decisions, next);
            }
            behind = computeBehind();
        }

        private void apply(List<EventEnvelope> events, LiveQuarantines.Decisions decisions, Map<TopicPartition, Long> next) {
            Map<TopicPartition, Long> from = new HashMap<>();
            next.keySet().forEach(partition -> from.put(partition, committed.get(partition)));
            try {
                projection.apply(rebuild.targetSchema(), events, decisions, from, next);
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
            applied = committed.entrySet().stream().mapToLong(entry -> entry.getValue() - reader.beginning(entry.getKey())).sum();
            failures = 0;
            succeeded();
        }

        private boolean reached(Map<TopicPartition, Long> targets) {
            return reader.partitions().stream().allMatch(partition -> gated.contains(partition)
                    || committed.get(partition) >= targets.getOrDefault(partition, 0L));
        }

        /** Events between the stored offsets and the topic's end, not counting partitions that wait for the live projector. */
        private long computeBehind() {
            long events = 0;
            for (TopicPartition partition : reader.partitions()) {
                if (!gated.contains(partition)) {
                    events += Math.max(0, ends.getOrDefault(partition, 0L) - committed.get(partition));
                }
            }
            return events;
        }

        private void refreshWhenDue() {
            if (System.nanoTime() >= nextRefresh) {
                refresh(stored);
            }
        }

        /** Picks up its partitions (the first time: all) and the topic's current ends, for the progress and the switch. */
        void refresh(Map<Integer, Long> storedOffsets) {
            Map<TopicPartition, Long> unstored = reader.assignNew(storedOffsets);
            if (!unstored.isEmpty()) {
                retrying("store its first offsets", () -> {
                    schemas.seed(rebuild.targetSchema(), unstored);
                    return null;
                });
            }
            for (TopicPartition partition : reader.partitions()) {
                committed.computeIfAbsent(partition, p -> storedOffsets.getOrDefault(p.partition(), reader.beginning(p)));
            }
            ends = reader.ends();
            applied = committed.entrySet().stream().mapToLong(entry -> entry.getValue() - reader.beginning(entry.getKey())).sum();
            total = ends.entrySet().stream().mapToLong(entry -> entry.getValue() - reader.beginning(entry.getKey())).sum();
            behind = computeBehind();
            meter.record(System.nanoTime(), RebuildRun.this.applied(), RebuildRun.this.total());
            nextRefresh = System.nanoTime() + settings.progressInterval().toNanos();
        }

        private void ungate() {
            reader.resumeAll();
            gated.clear();
            nextGateRetry = System.nanoTime() + settings.gateRetry().toNanos();
        }

        void wakeup() {
            reader.wakeup();
        }

        @Override
        public void close() {
            reader.close();
        }
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
            if (stop == null && !halted) {
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
        if (stop != null || halted) {
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

        private final ExecutorService threads;

        SwitchPhases(ExecutorService threads) {
            this.threads = threads;
        }

        @Override
        public void catchUp() {
            RebuildRun.this.catchUp(threads);
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
