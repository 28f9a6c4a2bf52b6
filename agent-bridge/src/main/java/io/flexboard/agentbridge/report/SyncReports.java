package io.flexboard.agentbridge.report;

import io.flexboard.agentbridge.config.AgentBridgeSettings;
import io.flexboard.schemas.agent.AgentSyncReport;
import io.flexboard.schemas.wire.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Reports answered syncs as {@link AgentSyncReport}s on {@value Topics#AGENT_SYNCS} (key: tenant id) and counts
 * every one in {@code sync.operations{tenant_id,status}}.
 *
 * <p>Coalesced per agent: a sync that changes what is known of its agent (its first here, another current,
 * applied or latest version, status, error or agent version, an answer with an update, a data source set) is
 * reported at once, standing for itself and the agent's syncs held back since its last report. An unchanged
 * sync is only held back: every {@code flexboard.sync-reports.heartbeat} each agent's held-back syncs leave as
 * one heartbeat report carrying the newest of them and their number ({@code sync_count}). An agent polling
 * every second then costs one record per heartbeat instead of one Kafka record and one PostgreSQL row per sync,
 * and the fleet views and counts stay exact, late by at most one heartbeat. An agent silent for a whole
 * heartbeat is forgotten (its next sync is reported at once); past {@value #MAX_TRACKED_AGENTS} tracked agents
 * a new one is reported per sync, so a flood of invented agent ids cannot grow the heap.
 *
 * <p>Telemetry must never slow or fail a sync: {@code KafkaProducer.send} can block up to max.block.ms
 * while it has no metadata (broker down), so sends run on one dedicated thread behind a bounded queue,
 * never on a Netty event loop (heartbeats on their own thread). A full queue or a failed send drops the report,
 * counted in {@code flexboard.agentbridge.sync.reports{outcome=failed}} and logged once per failure streak.
 */
@Component
public class SyncReports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SyncReports.class);
    /** Far above the agents a replica parks by default (12,000), at a few hundred bytes each. */
    static final int MAX_TRACKED_AGENTS = 100_000;

    private final KafkaTemplate<String, AgentSyncReport> kafka;
    private final MeterRegistry meters;
    private final String bridgeInstance;
    private final ThreadPoolExecutor sender;
    private final ScheduledExecutorService heartbeats;
    private final ConcurrentHashMap<AgentKey, Agent> agents = new ConcurrentHashMap<>();
    private final Counter sent;
    private final Counter failed;
    private final AtomicBoolean failing = new AtomicBoolean();

    public SyncReports(KafkaTemplate<String, AgentSyncReport> kafka, MeterRegistry meters, AgentBridgeSettings properties) {
        this.kafka = kafka;
        this.meters = meters;
        this.bridgeInstance = properties.instanceId();
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.syncReports().queueCapacity()), daemon("sync-reports"));
        long heartbeat = properties.syncReports().heartbeat().toMillis();
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("sync-reports-heartbeat"));
        heartbeats.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        this.sent = Counter.builder("flexboard.agentbridge.sync.reports").tag("outcome", "sent")
                .description("Sync reports acknowledged by Kafka").register(meters);
        this.failed = Counter.builder("flexboard.agentbridge.sync.reports").tag("outcome", "failed")
                .description("Sync reports dropped (queue full or send failed)").register(meters);
    }

    /** Counts the sync and reports it now, or holds it back for the agent's next heartbeat; returns at once. */
    public void answered(AnsweredSync sync) {
        meters.counter("sync.operations", "tenant_id", sync.tenantId().toString(), "status", sync.syncStatus()).increment();
        AgentKey key = new AgentKey(sync.tenantId(), agentId(sync));
        if (agents.size() >= MAX_TRACKED_AGENTS && !agents.containsKey(key)) {
            enqueue(toReport(sync, key.agentId(), 1, Instant.now()));
            return;
        }
        int[] reportedSyncs = {0};
        agents.compute(key, (agentKey, known) -> {
            Agent agent = known != null ? known : new Agent();
            agent.seen = true;
            State state = State.of(sync);
            if (known == null || sync.hasUpdates() || sync.dataSources() != null || !state.equals(agent.reported)) {
                reportedSyncs[0] = agent.heldBack + 1;
                agent.reported = state;
                agent.heldBack = 0;
                agent.newest = null;
            } else {
                agent.heldBack++;
                agent.newest = sync;
                agent.newestAt = Instant.now();
            }
            return agent;
        });
        if (reportedSyncs[0] > 0) {
            enqueue(toReport(sync, key.agentId(), reportedSyncs[0], Instant.now()));
        }
    }

    /** Sends every agent's held-back syncs as one report each, and forgets agents silent since the last heartbeat. */
    void heartbeat() {
        try {
            agents.forEach((key, ignored) -> agents.computeIfPresent(key, (agentKey, agent) -> {
                if (agent.heldBack > 0) {
                    send(toReport(agent.newest, agentKey.agentId(), agent.heldBack, agent.newestAt));
                    agent.heldBack = 0;
                    agent.newest = null;
                } else if (!agent.seen) {
                    return null;
                }
                agent.seen = false;
                return agent;
            }));
        } catch (RuntimeException e) {
            log.warn("Heartbeat of sync reports failed; the held-back syncs go with the next one", e);
        }
    }

    private void enqueue(AgentSyncReport report) {
        try {
            sender.execute(() -> send(report));
        } catch (RejectedExecutionException e) {
            failed(report, e);
        }
    }

    private void send(AgentSyncReport report) {
        try {
            kafka.send(Topics.AGENT_SYNCS, report.getTenantId(), report).whenComplete((result, failure) -> {
                if (failure == null) {
                    sent.increment();
                    if (failing.compareAndSet(true, false)) {
                        log.info("Sync reports reach Kafka again");
                    }
                } else {
                    failed(report, failure);
                }
            });
        } catch (RuntimeException e) {
            failed(report, e);
        }
    }

    private void failed(AgentSyncReport report, Throwable failure) {
        failed.increment();
        if (failing.compareAndSet(false, true)) {
            log.warn("Could not send sync reports to {} ({}); dropping them until Kafka takes them again",
                    Topics.AGENT_SYNCS, failure.toString());
        } else {
            log.debug("Dropped sync report {}: {}", report.getReportId(), failure.toString());
        }
    }

    /** The agent as reports name it: its own id, or for agents that send none, its key's. */
    private static String agentId(AnsweredSync sync) {
        return sync.agentId() != null ? sync.agentId() : "key:" + sync.keyHash().substring(0, 12);
    }

    private AgentSyncReport toReport(AnsweredSync sync, String agentId, int syncCount, Instant syncedAt) {
        return AgentSyncReport.newBuilder()
                .setReportId(UUID.randomUUID().toString())
                .setTenantId(sync.tenantId().toString())
                .setAgentId(agentId)
                .setSyncCount(syncCount)
                .setAgentVersion(sync.agentVersion())
                .setSyncStatus(sync.syncStatus())
                .setCurrentVersion(sync.currentVersion())
                .setAppliedVersion(sync.appliedVersion())
                .setLatestVersion(sync.latestVersion())
                .setHasUpdates(sync.hasUpdates())
                .setErrorMessage(sync.errorMessage())
                .setSyncDurationMs(sync.durationMs())
                .setHeldMs(sync.heldMs())
                .setSyncedAt(syncedAt)
                .setBridgeInstance(bridgeInstance)
                .setKeyHash(sync.keyHash())
                .setDataSources(sync.dataSources() == null ? null : sync.dataSources().stream()
                        .map(source -> new io.flexboard.schemas.agent.ReportedDataSource(source.id(), source.type()))
                        .toList())
                .build();
    }

    @Override
    public void destroy() throws InterruptedException {
        heartbeats.shutdown();
        heartbeat(); // held-back syncs leave with the replica, not with its heap
        sender.shutdown();
        sender.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private record AgentKey(UUID tenantId, String agentId) {
    }

    /** What a report says of an agent beyond that it synced: a change of any of it is reported at once. */
    private record State(String agentVersion, String syncStatus, long currentVersion, Long appliedVersion,
                         long latestVersion, String errorMessage) {

        static State of(AnsweredSync sync) {
            return new State(sync.agentVersion(), sync.syncStatus(), sync.currentVersion(), sync.appliedVersion(),
                    sync.latestVersion(), sync.errorMessage());
        }
    }

    /** One agent's reporting: what was last reported, and the syncs held back since (guarded by the map's compute). */
    private static final class Agent {
        private State reported;
        private int heldBack;
        private AnsweredSync newest;
        private Instant newestAt;
        private boolean seen;
    }
}
