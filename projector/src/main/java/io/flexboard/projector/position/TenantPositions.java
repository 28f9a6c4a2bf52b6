package io.flexboard.projector.position;

import java.time.Instant;
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
     * The tenant's position, row-locked until the surrounding transaction ends so that two
     * projector instances (e.g. during a rebalance) cannot apply the same tenant's events at once.
     */
    public Mono<Long> lock(UUID tenantId) {
        return database.sql("select aggregate_sequence from tenant_positions where tenant_id = :tenant for update")
                .bind("tenant", tenantId)
                .map(row -> row.get("aggregate_sequence", Long.class))
                .one()
                .defaultIfEmpty(NOTHING_APPLIED);
    }

    /** Records that the tenant's event {@code sequence} has been applied. */
    public Mono<Void> advance(UUID tenantId, long sequence, Instant occurredAt) {
        return database.sql("""
                        insert into tenant_positions (tenant_id, aggregate_sequence, updated_at)
                        values (:tenant, :sequence, :at)
                        on conflict (tenant_id) do update
                           set aggregate_sequence = excluded.aggregate_sequence, updated_at = excluded.updated_at
                        """)
                .bind("tenant", tenantId)
                .bind("sequence", sequence)
                .bind("at", occurredAt)
                .then();
    }
}
