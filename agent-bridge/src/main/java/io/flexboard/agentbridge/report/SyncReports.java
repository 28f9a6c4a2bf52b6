package io.flexboard.agentbridge.report;

import io.flexboard.agentbridge.config.FlexboardProperties;
import io.flexboard.schemas.agent.AgentSyncReport;
import io.flexboard.schemas.wire.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Reports every answered sync as an {@link AgentSyncReport} on {@value Topics#AGENT_SYNCS} (key: tenant
 * id) and counts it in {@code sync.operations{tenant_id,status}}.
 *
 * <p>Telemetry must never slow or fail a sync: {@code KafkaProducer.send} can block up to max.block.ms
 * while it has no metadata (broker down), so sends run on one dedicated thread behind a bounded queue,
 * never on a Netty event loop. A full queue or a failed send drops the report, counted in
 * {@code flexboard.agentbridge.sync.reports{outcome=failed}} and logged once per failure streak.
 */
@Component
public class SyncReports implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SyncReports.class);

    private final KafkaTemplate<String, AgentSyncReport> kafka;
    private final MeterRegistry meters;
    private final String bridgeInstance;
    private final ThreadPoolExecutor sender;
    private final Counter sent;
    private final Counter failed;
    private final AtomicBoolean failing = new AtomicBoolean();

    public SyncReports(KafkaTemplate<String, AgentSyncReport> kafka, MeterRegistry meters, FlexboardProperties properties) {
        this.kafka = kafka;
        this.meters = meters;
        this.bridgeInstance = properties.instanceId();
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(properties.syncReports().queueCapacity()), runnable -> {
                    Thread thread = new Thread(runnable, "sync-reports");
                    thread.setDaemon(true);
                    return thread;
                });
        this.sent = Counter.builder("flexboard.agentbridge.sync.reports").tag("outcome", "sent")
                .description("Sync reports acknowledged by Kafka").register(meters);
        this.failed = Counter.builder("flexboard.agentbridge.sync.reports").tag("outcome", "failed")
                .description("Sync reports dropped (queue full or send failed)").register(meters);
    }

    /** Counts the sync and hands its report to the sender; returns at once. */
    public void answered(AnsweredSync sync) {
        meters.counter("sync.operations", "tenant_id", sync.tenantId().toString(), "status", sync.syncStatus()).increment();
        AgentSyncReport report = toReport(sync);
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

    private AgentSyncReport toReport(AnsweredSync sync) {
        return AgentSyncReport.newBuilder()
                .setReportId(UUID.randomUUID().toString())
                .setTenantId(sync.tenantId().toString())
                .setAgentId(sync.agentId() != null ? sync.agentId() : "key:" + sync.keyHash().substring(0, 12))
                .setAgentVersion(sync.agentVersion())
                .setSyncStatus(sync.syncStatus())
                .setCurrentVersion(sync.currentVersion())
                .setAppliedVersion(sync.appliedVersion())
                .setLatestVersion(sync.latestVersion())
                .setHasUpdates(sync.hasUpdates())
                .setErrorMessage(sync.errorMessage())
                .setSyncDurationMs(sync.durationMs())
                .setHeldMs(sync.heldMs())
                .setSyncedAt(Instant.now())
                .setBridgeInstance(bridgeInstance)
                .setKeyHash(sync.keyHash())
                .setDataSources(sync.dataSources() == null ? null : sync.dataSources().stream()
                        .map(source -> new io.flexboard.schemas.agent.ReportedDataSource(source.id(), source.type()))
                        .toList())
                .build();
    }

    @Override
    public void destroy() throws InterruptedException {
        sender.shutdown();
        sender.awaitTermination(5, TimeUnit.SECONDS);
    }
}
