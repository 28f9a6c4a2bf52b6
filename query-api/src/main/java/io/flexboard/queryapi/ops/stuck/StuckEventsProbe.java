package io.flexboard.queryapi.ops.stuck;

import io.flexboard.queryapi.ops.LagSettings;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads the events that stop one tenant each: the projector's quarantines ({@code quarantined_events}
 * in the read-model schema) and the relay's parked events ({@code parked_events} in the event
 * store's schema, refused by the broker or waiting behind such an event).
 */
@Component
public class StuckEventsProbe {

    private static final int LIMIT = 100;

    private final DatabaseClient db;
    private final String parked;

    public StuckEventsProbe(DatabaseClient db, LagSettings settings) {
        this.db = db;
        // Refused events first (they are the cause), then the tenant's events held behind them.
        this.parked = """
                select tenant_id, event_id, event_type, aggregate_sequence, status, error, parked_at
                  from %s.parked_events where status in ('refused', 'held')
                 order by status desc, parked_at, aggregate_sequence limit %d""".formatted(settings.relay().schema(), LIMIT);
    }

    /** The quarantined tenants, oldest first (at most 100); fails with the database's error when the table is absent. */
    public Mono<List<QuarantinedTenant>> quarantined() {
        return db.sql("""
                        select q.tenant_id, q.event_id, q.event_type, q.aggregate_sequence, q.error, q.first_seen,
                               (select count(*) from held_events h where h.tenant_id = q.tenant_id) as held_events
                          from quarantined_events q order by q.first_seen, q.tenant_id limit %d""".formatted(LIMIT))
                .map(StuckEventsProbe::quarantinedTenant)
                .all()
                .collectList();
    }

    /** The relay's parked events (at most 100); fails with the database's error when the table is absent. */
    public Mono<List<ParkedEvent>> parked() {
        return db.sql(parked)
                .map(row -> new ParkedEvent(row.get("tenant_id", String.class), row.get("event_id", String.class),
                        row.get("event_type", String.class), row.get("aggregate_sequence", Long.class),
                        row.get("status", String.class), row.get("error", String.class), row.get("parked_at", Instant.class)))
                .all()
                .collectList();
    }

    private static QuarantinedTenant quarantinedTenant(Readable row) {
        return new QuarantinedTenant(row.get("tenant_id", UUID.class).toString(), row.get("event_id", String.class),
                row.get("event_type", String.class), row.get("aggregate_sequence", Long.class), row.get("error", String.class),
                row.get("first_seen", Instant.class), row.get("held_events", Long.class));
    }
}
