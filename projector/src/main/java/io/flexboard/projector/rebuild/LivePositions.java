package io.flexboard.projector.rebuild;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The live projector's {@code tenant_positions}, read by a rebuild of some read models only: such
 * a rebuild must end exactly where the live projector is, so it never applies an event the live
 * one has not applied yet (docs/projector.md, "One read model").
 */
@Component
class LivePositions {

    private final DatabaseClient database;
    private final String liveSchema;

    LivePositions(DatabaseClient database, @Value("${spring.r2dbc.properties.schema}") String liveSchema) {
        this.database = database;
        this.liveSchema = liveSchema;
    }

    /** Each tenant's live position; tenants the live projector has not seen are absent. */
    Map<UUID, Long> of(Collection<UUID> tenants) {
        Map<UUID, Long> positions = new HashMap<>();
        if (tenants.isEmpty()) {
            return positions;
        }
        database.sql("select tenant_id, aggregate_sequence from " + liveSchema + ".tenant_positions where tenant_id = any(:tenants)")
                .bind("tenants", tenants.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("tenant_id", UUID.class), row.get("aggregate_sequence", Long.class)))
                .all()
                .doOnNext(entry -> positions.put(entry.getKey(), entry.getValue()))
                .blockLast();
        return positions;
    }
}
