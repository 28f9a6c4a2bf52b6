package io.flexboard.queryapi.observability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.flexboard.queryapi.config.FlexboardProperties;
import io.flexboard.queryapi.syncreport.SyncStatusReadModel;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Gauges counted from the read models every {@code flexboard.metrics.active-tenants.interval} on a
 * timer thread (never on a scrape or the event loop), so a scrape only reads numbers:
 * <ul>
 *   <li>the spec's {@code active_tenants}: tenants with {@code is_active};</li>
 *   <li>{@code flexboard_sync_status_tenants{status,reason}}: tenants per sync status, by the same
 *       rule as {@code GET /api/sync-status} — what the "no agent seen" and "agents failing" alerts
 *       watch, since no other metric knows an agent that has gone silent.</li>
 * </ul>
 * They live here because query-api is the service that reads the read models; every replica reports
 * the same counts (aggregate with {@code max}, not {@code sum}). NaN until the first count, and kept
 * at the last count while the database does not answer.
 */
@Component
class ReadModelGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadModelGauges.class);
    /** Every status and reason the sync status rule can give, so each series exists (0) before it happens. */
    private static final List<StatusReason> STATUSES = List.of(new StatusReason("synced", "none"),
            new StatusReason("pending", "agents_behind"), new StatusReason("error", "agent_error"),
            new StatusReason("error", "no_agent_seen"), new StatusReason("paused", "tenant_paused"));

    private final DatabaseClient db;
    private final Duration interval;
    private final Duration firstCountAfter;
    private final Duration timeout;
    private final double staleAfterSeconds;
    private final AtomicReference<Double> count = new AtomicReference<>(Double.NaN);
    private final Map<StatusReason, AtomicReference<Double>> tenantsByStatus;
    private volatile Disposable counting;

    ReadModelGauges(DatabaseClient db, MeterRegistry meters, FlexboardProperties properties,
                    @Value("${flexboard.metrics.active-tenants.interval:30s}") Duration interval,
                    @Value("${flexboard.metrics.active-tenants.first-count-after:0s}") Duration firstCountAfter,
                    @Value("${flexboard.health.timeout:2s}") Duration timeout) {
        this.db = db;
        this.interval = interval;
        this.firstCountAfter = firstCountAfter;
        this.timeout = timeout;
        this.staleAfterSeconds = properties.syncStatus().staleAfterSeconds();
        Gauge.builder("active.tenants", count, AtomicReference::get)
                .description("Tenants whose is_active is true in the read model")
                .register(meters);
        this.tenantsByStatus = Map.copyOf(STATUSES.stream().collect(Collectors.toMap(key -> key, key -> {
            AtomicReference<Double> tenants = new AtomicReference<>(Double.NaN);
            Gauge.builder("flexboard.sync.status.tenants", tenants, AtomicReference::get)
                    .description("Tenants per sync status and reason (the GET /api/sync-status rule)")
                    .tag("status", key.status())
                    .tag("reason", key.reason())
                    .register(meters);
            return tenants;
        })));
    }

    /** Counts now; the timer calls it, tests may too. */
    Mono<Void> refresh() {
        Mono<Long> active = db.sql("select count(*) as active from tenants where is_active")
                .map(row -> row.get("active", Long.class))
                .one()
                .doOnNext(tenants -> count.set(tenants.doubleValue()));
        Mono<Map<StatusReason, Long>> statuses = db.sql(SyncStatusReadModel.TENANT_SYNC_STATUS
                        + "select status, coalesce(reason, 'none') as reason, count(*) as tenants"
                        + " from tenant_sync_status group by status, reason")
                .bind(0, staleAfterSeconds)
                .map(row -> Map.entry(new StatusReason(row.get("status", String.class), row.get("reason", String.class)),
                        row.get("tenants", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .doOnNext(counted -> tenantsByStatus.forEach((key, gauge) -> gauge.set(counted.getOrDefault(key, 0L).doubleValue())));
        return active.then(statuses).timeout(timeout).then();
    }

    @Override
    public void start() {
        counting = Flux.interval(firstCountAfter, interval, Schedulers.single())
                .onBackpressureDrop()
                .concatMap(tick -> refresh().onErrorResume(failure -> {
                    log.warn("Could not count tenants from the read models (the gauges keep their last values): {}", failure.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = counting;
        if (current != null) {
            current.dispose();
        }
        counting = null;
    }

    @Override
    public boolean isRunning() {
        return counting != null;
    }

    /** A tenant sync status with its reason ({@code none} for synced), one gauge series each. */
    private record StatusReason(String status, String reason) {
    }
}
