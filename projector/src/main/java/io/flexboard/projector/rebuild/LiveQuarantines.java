package io.flexboard.projector.rebuild;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flexboard.schemas.EventEnvelope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * What the live projector's quarantine decided about a batch's tenants, so that a rebuild ends where
 * the live projector is instead of stopping on the same poison event: a quarantined tenant's events
 * from the quarantined one on are left out (they wait live too), and events operators skipped are
 * passed over (the position moves past them, nothing is applied), as live.
 */
@Component
class LiveQuarantines {

    private final DatabaseClient database;
    private final String liveSchema;

    LiveQuarantines(DatabaseClient database, @Value("${spring.r2dbc.properties.schema}") String liveSchema) {
        this.database = database;
        this.liveSchema = liveSchema;
    }

    Decisions of(Collection<UUID> tenants) {
        Map<UUID, Long> quarantinedFrom = new HashMap<>();
        Set<String> skipped = new HashSet<>();
        if (tenants.isEmpty()) {
            return new Decisions(quarantinedFrom, skipped);
        }
        UUID[] ids = tenants.toArray(UUID[]::new);
        database.sql("select tenant_id, aggregate_sequence from " + liveSchema + ".quarantined_events"
                        + " where tenant_id = any(:tenants) and aggregate_sequence is not null")
                .bind("tenants", ids)
                .map(row -> Map.entry(row.get("tenant_id", UUID.class), row.get("aggregate_sequence", Long.class)))
                .all()
                .doOnNext(entry -> quarantinedFrom.put(entry.getKey(), entry.getValue()))
                .blockLast();
        database.sql("select tenant_id, aggregate_sequence from " + liveSchema + ".quarantine_resolutions"
                        + " where action = 'skip' and tenant_id = any(:tenants) and aggregate_sequence is not null")
                .bind("tenants", ids)
                .map(row -> key(row.get("tenant_id", UUID.class).toString(), row.get("aggregate_sequence", Long.class)))
                .all()
                .doOnNext(skipped::add)
                .blockLast();
        return new Decisions(quarantinedFrom, skipped);
    }

    private static String key(String tenantId, long sequence) {
        return tenantId + ":" + sequence;
    }

    /** The quarantined tenants' first waiting sequence, and the skipped events as {@code tenant:sequence}. */
    record Decisions(Map<UUID, Long> quarantinedFrom, Set<String> skipped) {

        /** Waits behind a live quarantine: the rebuild leaves it out, as the live projector holds it. */
        boolean waiting(EventEnvelope event) {
            Long from = quarantinedFrom.get(UUID.fromString(event.getTenantId()));
            return from != null && event.getAggregateSequence() >= from;
        }

        /** An operator skipped it live: passed over, not applied. */
        boolean skipped(EventEnvelope event) {
            return skipped.contains(key(event.getTenantId(), event.getAggregateSequence()));
        }
    }
}
