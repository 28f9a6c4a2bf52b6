package io.flexboard.projector.rebuild;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flexboard.projector.projection.SequenceGapException;
import io.flexboard.projector.projection.TenantPositions;
import io.flexboard.schemas.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * One lane of a run, reading the history: its partitions (p % lanes = its index) with a consumer
 * of its own, a batch per poll, and each batch applied in one transaction with the partitions' next
 * offsets. What it committed is where it, or a run resuming it, reads on. Each lane runs on one
 * thread at a time.
 */
final class Lane implements AutoCloseable {

    private static final LogAccessor logAccessor = new LogAccessor(RebuildRun.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);

    private final HistoryReader reader;
    private final Map<Integer, Long> stored;
    private final Rebuild rebuild;
    private final RebuildSettings settings;
    private final Writes writes;
    private final LiveState live;
    private final Lanes run;
    private final RetryPolicy retries;
    private final StopSignal stop;
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    /** Partitions paused at an event the live projector has not applied yet. */
    private final Set<TopicPartition> gated = new HashSet<>();
    private Map<TopicPartition, Long> ends = Map.of();
    private long nextRefresh;
    private long nextGateRetry;
    private int failures;
    private boolean underLock;
    private volatile long applied;
    private volatile long total;
    private volatile long behind;

    /** Where a lane writes: the rebuild's schema (its first offsets) and its projection (the batches). */
    record Writes(RebuildSchemas schemas, RebuildProjection projection) {
    }

    /** What a lane reads of the live projector's state: its positions and its quarantine decisions. */
    record LiveState(LivePositions positions, LiveQuarantines quarantines) {
    }

    Lane(HistoryReader reader, Map<Integer, Long> stored, Rebuild rebuild, RebuildSettings settings, Writes writes,
         LiveState live, Lanes run, RetryPolicy retries, StopSignal stop) {
        this.reader = reader;
        this.stored = stored;
        this.rebuild = rebuild;
        this.settings = settings;
        this.writes = writes;
        this.live = live;
        this.run = run;
        this.retries = retries;
        this.stop = stop;
    }

    long applied() {
        return applied;
    }

    long total() {
        return total;
    }

    long behind() {
        return behind;
    }

    /** The copying phase: batches while the live projector goes on, until the whole run is at most switch-lag behind. */
    void copy() {
        while (true) {
            stop.check();
            refreshWhenDue();
            if (run.behind() <= settings.switchLag()) {
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
                stop.check();
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
            stop.check();
            return;
        }
        Set<UUID> tenants = tenantsOf(records);
        Map<UUID, Long> limits = rebuild.allReadModels() ? null
                : retries.retrying("read the live positions", () -> live.positions().of(tenants));
        LiveQuarantines.Decisions decisions = retries.retrying("read the live quarantines", () -> live.quarantines().of(tenants));
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
            writes.projection().apply(rebuild.targetSchema(), events, decisions, from, next);
        } catch (SequenceGapException e) {
            throw new SwitchOver.RefusedException("Sequence gap for tenant " + e.tenantId() + ": rebuilt up to "
                    + e.position() + ", the next event in flexboard.events is " + e.sequence() + ". The topic lacks an event"
                    + " the tenant's later ones build on, or holds the tenant on more than one partition (partitions added"
                    + " later); a rebuild cannot get past it");
        } catch (RebuildProjection.FencedException e) {
            throw stop.stop(StopSignal.Reason.LOST);
        } catch (RuntimeException e) {
            stop.check();
            // Read again from what is committed; whatever the failed batch did was rolled back.
            committed.forEach(reader::seek);
            ungate();
            if (underLock) {
                // Never retry while the live projector waits: the switch-over rolls back and is tried again.
                throw e;
            }
            retries.backOff("apply a batch", ++failures, e);
            return;
        }
        committed.putAll(next);
        applied = sinceBeginning(committed);
        failures = 0;
        run.recordProgress();
        retries.succeeded();
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
            refresh();
        }
    }

    /** Picks up its partitions (the first time: all) and the topic's current ends, for the progress and the switch. */
    void refresh() {
        Map<TopicPartition, Long> unstored = reader.assignNew(stored);
        if (!unstored.isEmpty()) {
            retries.retrying("store its first offsets", () -> {
                writes.schemas().seed(rebuild.targetSchema(), unstored);
                return null;
            });
        }
        for (TopicPartition partition : reader.partitions()) {
            committed.computeIfAbsent(partition, p -> stored.getOrDefault(p.partition(), reader.beginning(p)));
        }
        ends = reader.ends();
        applied = sinceBeginning(committed);
        total = sinceBeginning(ends);
        behind = computeBehind();
        run.recordProgress();
        nextRefresh = System.nanoTime() + settings.progressInterval().toNanos();
    }

    /** Events from the partitions' beginnings up to these offsets. */
    private long sinceBeginning(Map<TopicPartition, Long> offsets) {
        return offsets.entrySet().stream().mapToLong(entry -> entry.getValue() - reader.beginning(entry.getKey())).sum();
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
}
