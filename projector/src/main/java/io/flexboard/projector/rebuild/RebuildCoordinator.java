package io.flexboard.projector.rebuild;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

import io.flexboard.projector.config.ProjectorSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Starts rebuilds, runs at most one per projector instance on its own thread, and keeps the
 * {@code rebuilds} row of the running one current: every progress interval it renews the lease,
 * stores the progress (so any replica answers GET), logs it, and notices a cancel from any replica.
 * When nothing runs here it takes over a rebuild nobody holds (released by a projector that stopped,
 * or whose owner's lease expired) and drops schemas that finished rebuilds left behind.
 */
@Component
class RebuildCoordinator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RebuildCoordinator.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);
    /** Per partition and fetch: enough for a lane's poll to fill a batch of max-poll-records, and bounded. */
    private static final int MAX_PARTITION_FETCH_BYTES = 16 * 1024 * 1024;

    private final Rebuilds rebuilds;
    private final RebuildSchemas schemas;
    private final Lane.Writes writes;
    private final Lane.LiveState live;
    private final SwitchOver switchOver;
    private final RebuildSettings settings;
    private final ProjectorSettings.Retry retry;
    private final KafkaProperties kafka;
    /** This instance, as {@code rebuilds.owner}: host and a random part, new at every start. */
    private final String owner;
    private final AtomicReference<Running> current = new AtomicReference<>();
    private volatile ScheduledExecutorService ticker;

    RebuildCoordinator(Rebuilds rebuilds, RebuildSchemas schemas, RebuildProjection projection, LivePositions livePositions,
                       LiveQuarantines liveQuarantines,
                       SwitchOver switchOver, RebuildSettings settings, ProjectorSettings projector,
                       KafkaProperties kafka, MeterRegistry meters) {
        this.rebuilds = rebuilds;
        this.schemas = schemas;
        this.writes = new Lane.Writes(schemas, projection);
        this.live = new Lane.LiveState(livePositions, liveQuarantines);
        this.switchOver = switchOver;
        this.settings = settings;
        this.retry = projector.retry();
        this.kafka = kafka;
        this.owner = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        gauge(meters, "flexboard.projector.rebuild.events.applied", "Events the running rebuild has read and applied",
                progress -> progress.eventsApplied());
        gauge(meters, "flexboard.projector.rebuild.events.in.topic", "Events in flexboard.events the running rebuild reads",
                progress -> progress.eventsTotal());
        gauge(meters, "flexboard.projector.rebuild.events.per.second", "The running rebuild's speed over its window",
                progress -> progress.eventsPerSecond() == null ? 0 : progress.eventsPerSecond());
        gauge(meters, "flexboard.projector.rebuild.eta.seconds", "Time the running rebuild needs at its current speed (NaN: unknown)",
                progress -> progress.etaSeconds() == null ? Double.NaN : progress.etaSeconds());
        Gauge.builder("flexboard.projector.rebuild.running", current, running -> running.get() == null ? 0 : 1)
                .description("1 while this projector instance runs a rebuild").register(meters);
    }

    /** Records a new rebuild, owned by this instance, and starts it; {@link Rebuilds.AlreadyRunningException} while one runs. */
    Mono<Rebuild> start(List<String> readModels, boolean allReadModels) {
        return Mono.defer(() -> rebuilds.insert(UUID.randomUUID(), readModels, allReadModels, owner))
                .doOnNext(this::launch);
    }

    /** Cancels a rebuild before its switch-over; the instance running it (this or another) notices at once or within a heartbeat. */
    Mono<Rebuild> cancel(UUID id) {
        return rebuilds.cancel(id).doOnNext(cancelled -> {
            Running running = current.get();
            if (running != null && running.run().id().equals(id)) {
                running.run().requestStop(StopSignal.Reason.CANCELLED);
            }
        });
    }

    private void launch(Rebuild rebuild) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        // Assignment only: no group, nothing committed, invisible to lag monitoring and rebalances.
        consumer.remove(ConsumerConfig.GROUP_ID_CONFIG);
        consumer.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Asking for the partitions of a topic that does not exist yet must not create it (with the broker's defaults).
        consumer.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        // Kafka's 1 MiB per partition and fetch would cut a poll to a few hundred events (~3 KB each);
        // a batch of max-poll-records folds more edits of one dashboard into one write (docs/PERFORMANCE.md).
        consumer.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_PARTITION_FETCH_BYTES);
        consumer.put(ConsumerConfig.CLIENT_ID_CONFIG, "flexboard-projector-rebuild-" + rebuild.id().toString().substring(0, 8));
        RebuildRun run = new RebuildRun(rebuild, owner, consumer, writes, live, switchOver, rebuilds, settings, retry);
        Thread thread = new Thread(run, "flexboard-rebuild-" + rebuild.id().toString().substring(0, 8));
        current.set(new Running(run, thread));
        thread.start();
    }

    private void tick() {
        try {
            Running running = current.get();
            if (running != null && running.run().finished()) {
                current.compareAndSet(running, null);
                running = null;
            }
            if (running != null) {
                heartbeat(running.run());
                return;
            }
            rebuilds.claimUnowned(owner, settings.lease()).blockOptional().ifPresent(rebuild -> {
                log.info("Rebuild {} has no running owner: this projector ({}) takes it over", rebuild.id(), owner);
                launch(rebuild);
            });
            for (String schema : rebuilds.leftoverSchemas().collectList().block()) {
                log.info("Dropping schema {} that a finished rebuild left behind", schema);
                schemas.drop(schema);
            }
        } catch (RuntimeException e) {
            log.warn("Rebuild coordination failed this round (tried again in {})", settings.progressInterval(), e);
        }
    }

    private void heartbeat(RebuildRun run) {
        ProgressSnapshot progress = run.progress();
        Optional<RebuildStatus> status = rebuilds.heartbeat(run.id(), owner, progress).blockOptional();
        if (status.isEmpty() && !run.finished()) {
            Rebuild now = rebuilds.find(run.id()).block();
            if (now != null && now.status() == RebuildStatus.CANCELLED) {
                run.requestStop(StopSignal.Reason.CANCELLED);
            } else if (now != null && now.status().running()) {
                run.requestStop(StopSignal.Reason.LOST);
            }
            return;
        }
        log.info("Rebuild {} {}: {} of {} events ({}), {} events/s, ETA {}", run.id(), run.phase(), progress.eventsApplied(),
                progress.eventsTotal(), progress.eventsTotal() == 0 ? "100 %"
                        : String.format("%.1f %%", 100.0 * progress.eventsApplied() / progress.eventsTotal()),
                progress.eventsPerSecond() == null ? "?" : String.format("%.0f", progress.eventsPerSecond()),
                progress.etaSeconds() == null ? "unknown" : progress.etaSeconds() + " s");
    }

    private Optional<ProgressSnapshot> runningProgress() {
        Running running = current.get();
        return running == null || running.run().finished() ? Optional.empty() : Optional.of(running.run().progress());
    }

    private void gauge(MeterRegistry meters, String name, String description, ToDoubleFunction<ProgressSnapshot> value) {
        Gauge.builder(name, this, coordinator -> coordinator.runningProgress().map(value::applyAsDouble).orElse(0.0))
                .description(description).register(meters);
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "flexboard-rebuild-coordinator");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::tick, 0, settings.progressInterval().toMillis(), TimeUnit.MILLISECONDS);
        ticker = executor;
    }

    /** Stops the running rebuild (it releases itself, to be resumed) before the database pool closes. */
    @Override
    public void stop() {
        ScheduledExecutorService executor = ticker;
        ticker = null;
        if (executor != null) {
            executor.shutdownNow();
        }
        Running running = current.getAndSet(null);
        if (running != null) {
            running.run().requestStop(StopSignal.Reason.SHUTDOWN);
            try {
                running.thread().join(STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (running.thread().isAlive()) {
                log.warn("Rebuild {} did not stop within {}; another projector takes it over after the lease",
                        running.run().id(), STOP_WAIT);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "projector";
        }
    }

    private record Running(RebuildRun run, Thread thread) {
    }
}
