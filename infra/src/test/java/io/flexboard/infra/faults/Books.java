package io.flexboard.infra.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The audit after a fault, straight from the stack's PostgreSQL: the event store (the truth), the projector's
 * event history (one row per applied event, keyed by tenant and sequence) and its per-tenant positions.
 */
final class Books {

    private final String jdbcUrl;

    Books(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    /** The event store's sequences of a tenant, in order, duplicates kept (there must be none). */
    List<Long> stored(String tenantId) throws SQLException {
        return longs("SELECT sequencenumber FROM eventstore.domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                tenantId, false);
    }

    /** The sequences the projector applied for a tenant, in order. */
    List<Long> projected(String tenantId) throws SQLException {
        return longs("SELECT aggregate_sequence FROM readmodel.event_history WHERE tenant_id = ? ORDER BY aggregate_sequence",
                tenantId, true);
    }

    /** Acknowledged commands whose event is not in the store. */
    int lost(Ledger ledger) throws SQLException {
        int lost = 0;
        for (Map.Entry<String, NavigableSet<Long>> tenant : ledger.byTenant().entrySet()) {
            List<Long> stored = stored(tenant.getKey());
            lost += (int) tenant.getValue().stream().filter(sequence -> !stored.contains(sequence)).count();
        }
        return lost;
    }

    /** Events stored or projected more than once, or projected without being stored, or stored but never projected. */
    int differences(Ledger ledger) throws SQLException {
        int differences = 0;
        for (String tenantId : ledger.byTenant().keySet()) {
            List<Long> stored = stored(tenantId);
            List<Long> projected = projected(tenantId);
            differences += (int) (stored.size() - stored.stream().distinct().count());
            differences += Math.abs(stored.size() - projected.size());
            differences += (int) projected.stream().filter(sequence -> !stored.contains(sequence)).count();
        }
        return differences;
    }

    /**
     * Waits until the read side shows every stored event of the ledger's tenants and answers how long that took
     * since {@code sinceNanos}; fails the test once it has taken {@code stuck} (the read side is stuck, not slow).
     */
    Duration awaitCatchUp(Ledger ledger, long sinceNanos, Duration stuck) throws InterruptedException {
        return await(() -> caughtUp(ledger), "the read side is stuck behind the event store", sinceNanos, stuck);
    }

    /** The same for the relay: how long since {@code sinceNanos} until it had sent every stored event to Kafka. */
    Duration awaitRelay(long sinceNanos, Duration stuck) throws InterruptedException {
        return await(this::relayCaughtUp, "the relay is stuck behind the event store", sinceNanos, stuck);
    }

    private static Duration await(BooleanSupplier done, String stuckMessage, long sinceNanos, Duration stuck) throws InterruptedException {
        while (!done.getAsBoolean()) {
            assertThat(Duration.ofNanos(System.nanoTime() - sinceNanos)).as(stuckMessage).isLessThan(stuck);
            Thread.sleep(50);
        }
        return Duration.ofNanos(System.nanoTime() - sinceNanos);
    }

    /**
     * Whether the relay has sent every stored event to Kafka: its tracking token (JSON, Axon's Jackson serializer) has
     * reached the store's last global index. Tells the relay's share of a catch-up from the projector's.
     */
    boolean relayCaughtUp() {
        try (Connection connection = connect();
             PreparedStatement relayed = connection.prepareStatement("""
                     SELECT coalesce((convert_from(t.token, 'UTF8')::jsonb ->> 'index')::bigint, -1)
                            >= (SELECT coalesce(max(globalindex), -1) FROM eventstore.domainevententry)
                     FROM eventstore.tokenentry t WHERE t.processorname = 'kafka-relay'
                     """);
             ResultSet rows = relayed.executeQuery()) {
            return rows.next() && rows.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Whether the read side shows every stored event of every tenant of the ledger. */
    boolean caughtUp(Ledger ledger) {
        try (Connection connection = connect();
             PreparedStatement behind = connection.prepareStatement("""
                     SELECT count(*) FROM (
                         SELECT max(sequencenumber) AS stored FROM eventstore.domainevententry WHERE aggregateidentifier = ?) s
                     WHERE s.stored > coalesce((SELECT aggregate_sequence FROM readmodel.tenant_positions WHERE tenant_id = ?), -1)
                     """)) {
            for (String tenantId : ledger.byTenant().keySet()) {
                behind.setString(1, tenantId);
                behind.setObject(2, UUID.fromString(tenantId));
                try (ResultSet rows = behind.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        return false;
                    }
                }
            }
            return true;
        } catch (SQLException e) {
            // PostgreSQL is still starting or recovering: not caught up yet.
            return false;
        }
    }

    private List<Long> longs(String sql, String tenantId, boolean uuid) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, uuid ? UUID.fromString(tenantId) : tenantId);
            List<Long> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getLong(1));
                }
            }
            return values;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }
}
