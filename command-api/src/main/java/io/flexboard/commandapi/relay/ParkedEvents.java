package io.flexboard.commandapi.relay;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.wire.EventCodec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code parked_events} table: events the broker refused for good, and the later events of
 * their tenants that wait behind them. Runs in the caller's transaction (the relay's batch).
 */
@Repository
class ParkedEvents {

    private final JdbcTemplate jdbc;

    ParkedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the tenant has an event refused or waiting: its next events must wait too. */
    boolean waiting(String tenantId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from parked_events where tenant_id = ? and status in ('refused', 'held'))",
                Boolean.class, tenantId));
    }

    /** Parks the event as refused (with the broker's error) or held (error null); a second park of it changes nothing. */
    void park(EventEnvelope event, String status, String error) {
        jdbc.update("""
                        insert into parked_events (tenant_id, event_id, event_type, aggregate_sequence, record, status, error, parked_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""",
                event.getTenantId(), event.getEventId(), event.getPayload().getClass().getSimpleName(),
                event.getAggregateSequence(), EventCodec.instance().encode(event), status, error,
                Timestamp.from(Instant.now()));
    }

    /** Refused events an operator resolved (retry or skip), oldest first. */
    List<Parked> resolved() {
        return jdbc.query("""
                        select id, tenant_id, event_id, aggregate_sequence, record, resolution from parked_events
                         where status = 'refused' and resolution is not null order by parked_at, id""",
                (row, i) -> new Parked(row.getLong("id"), row.getString("tenant_id"), row.getString("event_id"),
                        row.getLong("aggregate_sequence"), row.getBytes("record"), row.getString("resolution")));
    }

    /** The held events of tenants with no refused event left, in each tenant's order. */
    List<Parked> releasable() {
        return jdbc.query("""
                        select id, tenant_id, event_id, aggregate_sequence, record, null as resolution from parked_events h
                         where status = 'held'
                           and not exists (select 1 from parked_events r where r.tenant_id = h.tenant_id and r.status = 'refused')
                         order by tenant_id, aggregate_sequence""",
                (row, i) -> new Parked(row.getLong("id"), row.getString("tenant_id"), row.getString("event_id"),
                        row.getLong("aggregate_sequence"), row.getBytes("record"), null));
    }

    void done(long id, String status) {
        jdbc.update("update parked_events set status = ? where id = ?", status, id);
    }

    /** Refused (again): the resolution is spent, the new error recorded. */
    void refused(long id, String error) {
        jdbc.update("update parked_events set status = 'refused', error = ?, resolution = null where id = ?", error, id);
    }

    long waitingCount() {
        Long count = jdbc.queryForObject("select count(*) from parked_events where status in ('refused', 'held')", Long.class);
        return count == null ? 0 : count;
    }

    /** A parked row: the record as it is to be sent again. */
    record Parked(long id, String tenantId, String eventId, long sequence, byte[] record, String resolution) {
    }
}
