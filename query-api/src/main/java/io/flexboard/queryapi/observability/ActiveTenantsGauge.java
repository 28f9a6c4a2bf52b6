package io.flexboard.queryapi.observability;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

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
 * The spec's {@code active_tenants}: tenants with {@code is_active} in the read model, counted every
 * {@code flexboard.metrics.active-tenants.interval} on a timer thread (never on a scrape or the event
 * loop), so a scrape only reads a number. It lives here because query-api is the service that reads
 * the read models and needs nothing else for it; every replica reports the same count (aggregate
 * with {@code max}, not {@code sum}). NaN until the first count, and kept at the last count while
 * the database does not answer.
 */
@Component
class ActiveTenantsGauge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ActiveTenantsGauge.class);

    private final DatabaseClient db;
    private final Duration interval;
    private final Duration timeout;
    private final AtomicReference<Double> count = new AtomicReference<>(Double.NaN);
    private volatile Disposable counting;

    ActiveTenantsGauge(DatabaseClient db, MeterRegistry meters,
                       @Value("${flexboard.metrics.active-tenants.interval:30s}") Duration interval,
                       @Value("${flexboard.health.timeout:2s}") Duration timeout) {
        this.db = db;
        this.interval = interval;
        this.timeout = timeout;
        Gauge.builder("active.tenants", count, AtomicReference::get)
                .description("Tenants whose is_active is true in the read model")
                .register(meters);
    }

    /** Counts now; the timer calls it, tests may too. */
    Mono<Long> refresh() {
        return db.sql("select count(*) as active from tenants where is_active")
                .map(row -> row.get("active", Long.class))
                .one()
                .timeout(timeout)
                .doOnNext(active -> count.set(active.doubleValue()));
    }

    @Override
    public void start() {
        counting = Flux.interval(Duration.ZERO, interval, Schedulers.single())
                .onBackpressureDrop()
                .concatMap(tick -> refresh().onErrorResume(failure -> {
                    log.warn("Could not count active tenants (the gauge keeps its last value): {}", failure.toString());
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
}
