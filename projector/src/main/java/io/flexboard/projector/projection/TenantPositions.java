package io.flexboard.projector.projection;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The {@code tenant_positions} read model: the aggregate sequence of the last event applied per
 * tenant. It is what makes the projection exactly-once in effect, and what query-api and
 * agent-bridge wait on for a consistency token.
 */
@Repository
public class TenantPositions {

    /** Position of a tenant with no applied event yet, so that its first event (sequence 0) is next. */
    public static final long NOTHING_APPLIED = -1L;

    private final DatabaseClient database;

    public TenantPositions(DatabaseClient database) {
        this.database = database;
    }

    /**
     * The tenants' positions, row-locked until the surrounding transaction ends so that two
     * projector instances (e.g. during a rebalance) cannot apply the same tenant's events at once.
     * Locked in tenant id order, so two instances locking overlapping sets wait instead of
     * deadlocking. A tenant with no row yet is absent from the map (nothing to lock: its first
     * event's insert conflicts instead).
     */
    public Mono<Map<UUID, Long>> lock(Collection<UUID> tenantIds) {
        if (tenantIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return database.sql("""
                        select tenant_id, aggregate_sequence from tenant_positions
                         where tenant_id = any(:tenants) order by tenant_id for update""")
                .bind("tenants", tenantIds.toArray(UUID[]::new))
                .map(row -> Map.entry(row.get("tenant_id", UUID.class), row.get("aggregate_sequence", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
    }

    /** Records, for each tenant, that its event {@code sequence} (of {@code occurredAt}) has been applied. */
    public Mono<Void> advance(Collection<Advance> advances) {
        RowArrays<Advance> rows = RowArrays.of(advances)
                .column("tenant_id", "uuid", UUID.class, Advance::tenantId)
                .column("aggregate_sequence", "bigint", Long.class, Advance::sequence)
                .column("updated_at", "timestamptz", Instant.class, Advance::occurredAt);
        return rows.execute(database, """
                        insert into tenant_positions (%s) %s
                        on conflict (tenant_id) do update
                           set aggregate_sequence = excluded.aggregate_sequence, updated_at = excluded.updated_at"""
                        .formatted(rows.names(), rows.select()))
                .then();
    }

    /** A tenant's new position. */
    public record Advance(UUID tenantId, long sequence, Instant occurredAt) {
    }
}
