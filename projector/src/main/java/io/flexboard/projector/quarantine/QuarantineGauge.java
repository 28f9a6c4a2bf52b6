package io.flexboard.projector.quarantine;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code flexboard.projector.quarantined.tenants}: how many tenants are quarantined now, counted in
 * the database (so every replica reports the same number) after each change this replica makes and
 * every {@code flexboard.projector.quarantine.refresh-interval}.
 */
@Component
class QuarantineGauge {

    private static final Logger log = LoggerFactory.getLogger(QuarantineGauge.class);

    private final QuarantineStore store;
    private final AtomicLong quarantined = new AtomicLong();

    QuarantineGauge(QuarantineStore store, MeterRegistry meters) {
        this.store = store;
        Gauge.builder("flexboard.projector.quarantined.tenants", quarantined, AtomicLong::get)
                .description("Tenants whose events wait behind a quarantined event (docs/operations.md)")
                .register(meters);
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${flexboard.projector.quarantine.refresh-interval:15s}")
    void refresh() {
        store.count().subscribe(quarantined::set,
                failure -> log.warn("Cannot count the quarantined tenants: {}", failure.toString()));
    }
}
