package io.flexboard.queryapi.ops;

import io.flexboard.queryapi.ops.LagReport.GroupLag;
import io.flexboard.queryapi.ops.LagReport.PartitionLag;
import io.flexboard.queryapi.ops.LagReport.Quarantines;
import io.flexboard.queryapi.ops.LagReport.RelayLag;
import io.flexboard.queryapi.ops.kafka.ConsumerGroupProbe;
import io.flexboard.queryapi.ops.kafka.ObservedGroup;
import io.flexboard.queryapi.ops.kafka.ObservedPartition;
import io.flexboard.queryapi.ops.relay.RelayObservation;
import io.flexboard.queryapi.ops.relay.RelayProbe;
import io.flexboard.queryapi.ops.stuck.ParkedEvent;
import io.flexboard.queryapi.ops.stuck.StuckEventsProbe;
import io.flexboard.queryapi.ops.trend.LagStatus;
import io.flexboard.queryapi.ops.trend.SlidingWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.stereotype.Component;

/**
 * Samples every consumer group and the relay each {@code flexboard.ops.lag.interval} on a thread
 * of its own (the admin client blocks; the event loop must not), keeps each partition's sliding
 * window, and publishes the newest {@link LagReport} to the endpoint and the gauges. Samples are
 * taken whether anyone commits or not: lag is refreshed on the monitor's clock, not the consumer's.
 */
@Component
class LagMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LagMonitor.class);
    /** Axon's default token claim timeout: an active relay renews its claim well within it. */
    private static final Duration AXON_CLAIM_TIMEOUT = Duration.ofSeconds(10);

    private final ConsumerGroupProbe groups;
    private final RelayProbe relay;
    private final StuckEventsProbe stuck;
    private final LagMetrics metrics;
    private final LagSettings settings;
    private final AtomicReference<LagReport> latest;
    private final Map<String, SlidingWindow> partitionWindows = new HashMap<>();
    private final Set<String> knownGroups;
    private final SlidingWindow relayWindow;
    private volatile ScheduledExecutorService sampler;

    public LagMonitor(ConsumerGroupProbe groups, RelayProbe relay, StuckEventsProbe stuck, LagMetrics metrics,
            LagSettings settings) {
        this.groups = groups;
        this.relay = relay;
        this.stuck = stuck;
        this.metrics = metrics;
        this.settings = settings;
        this.latest = new AtomicReference<>(LagReport.notSampledYet(settings.window()));
        this.knownGroups = new LinkedHashSet<>(settings.groups());
        this.relayWindow = new SlidingWindow(settings.window());
    }

    /** The newest report; before the first sample, one that says so. */
    public LagReport latest() {
        return latest.get();
    }

    void sample() {
        try {
            Instant now = Instant.now();
            LagReport report = new LagReport(now, settings.window(), sampleGroups(), sampleRelay(), sampleQuarantines());
            latest.set(report);
            metrics.record(report);
        } catch (RuntimeException e) {
            // A bug here must not kill the schedule: the next sample tries again.
            log.error("lag sample failed", e);
        }
    }

    private List<GroupLag> sampleGroups() {
        List<ObservedGroup> observed;
        try {
            observed = groups.observe();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unknownGroups("interrupted");
        } catch (Exception e) {
            log.warn("cannot read consumer group lag from Kafka: {}", e.toString());
            return unknownGroups("Kafka unreachable: " + e);
        }
        // Ages are measured when the look ended, so a record is never younger than its reported wait.
        Instant now = Instant.now();
        Map<String, SlidingWindow> seen = new HashMap<>();
        List<GroupLag> report = new ArrayList<>();
        for (ObservedGroup group : observed) {
            knownGroups.add(group.group());
            List<PartitionLag> partitions = new ArrayList<>();
            for (ObservedPartition partition : group.partitions()) {
                String key = group.group() + "/" + partition.partition();
                SlidingWindow window = partitionWindows.computeIfAbsent(key, k -> new SlidingWindow(settings.window()));
                seen.put(key, window);
                partitions.add(new PartitionLag(partition.partition().topic(), partition.partition().partition(),
                        partition.committed(), partition.end(), partition.position().lag(),
                        LagReport.seconds(partition.lagTime(now)),
                        window.add(partition.position(), group.consumes(partition.partition()))));
            }
            report.add(GroupLag.of(group.group(), partitions));
        }
        // Partitions no longer committed to (a deleted group or topic) leave with their windows.
        partitionWindows.keySet().retainAll(seen.keySet());
        return report;
    }

    private List<GroupLag> unknownGroups(String error) {
        return knownGroups.stream().sorted().map(group -> GroupLag.unknown(group, error)).toList();
    }

    private RelayLag sampleRelay() {
        RelayObservation observed;
        try {
            observed = relay.observe().block(settings.timeout().multipliedBy(2));
        } catch (InvalidDataAccessResourceUsageException e) {
            return RelayLag.unknown("no event store in schema '" + settings.relay().schema() + "': " + e.getMostSpecificCause().getMessage());
        } catch (RuntimeException e) {
            // The database is down, the block timed out, or the token is of a type we cannot read.
            log.warn("cannot read the relay's lag from the event store: {}", e.toString());
            return RelayLag.unknown(e.getMessage());
        }
        Instant now = Instant.now();
        Duration staleClaim = settings.windowSpan().compareTo(AXON_CLAIM_TIMEOUT) > 0 ? settings.windowSpan() : AXON_CLAIM_TIMEOUT;
        RelayLag lag = new RelayLag(relayWindow.add(observed.position(), observed.claimed(now, staleClaim)),
                observed.unrelayed(), LagReport.seconds(observed.lagTime(now)), List.of(), null);
        List<ParkedEvent> parked;
        try {
            parked = stuck.parked().block(settings.timeout().multipliedBy(2));
        } catch (RuntimeException e) {
            log.warn("cannot read the relay's parked events: {}", e.toString());
            return new RelayLag(lag.status().worse(LagStatus.UNKNOWN), lag.lag(), lag.lagSeconds(), List.of(),
                    "cannot read parked events: " + e.getMessage());
        }
        return lag.withParked(parked);
    }

    private Quarantines sampleQuarantines() {
        try {
            return Quarantines.of(stuck.quarantined().block(settings.timeout().multipliedBy(2)));
        } catch (RuntimeException e) {
            log.warn("cannot read the projector's quarantines: {}", e.toString());
            return Quarantines.unknown(e.getMessage());
        }
    }

    @Override
    public void start() {
        sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "flexboard-lag-monitor");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleWithFixedDelay(this::sample, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = sampler;
        sampler = null;
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(settings.timeout().toMillis() * 3, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return sampler != null;
    }
}
