package io.flexboard.queryapi.history;

import io.flexboard.queryapi.web.PageRequest;
import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads {@code readmodel.event_history}, the audit trail the projector appends one row per event to. */
@Component
class EventHistoryReadModel {

    private final DatabaseClient db;
    private final DatabaseClient envelopes;

    EventHistoryReadModel(DatabaseClient db, EnvelopeConnections envelopes) {
        this.db = db;
        this.envelopes = envelopes.database();
    }

    /**
     * The tenant's entries matching the filter, newest first (keyset on the sequence: each filter's
     * index ends with it), after the page's cursor.
     */
    Flux<HistoryEntryView> page(UUID tenantId, HistoryFilter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("select aggregate_sequence, event_id, event_type, occurred_at, actor, summary,"
                + " dashboard_id, version, correlation_id from event_history where tenant_id = $1");
        List<Object> values = new ArrayList<>(List.of(tenantId));
        if (filter.from() != null) {
            values.add(OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
            sql.append(" and occurred_at >= $").append(values.size());
        }
        if (filter.to() != null) {
            values.add(OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
            sql.append(" and occurred_at <= $").append(values.size());
        }
        if (!filter.types().isEmpty()) {
            values.add(filter.types().toArray(String[]::new));
            sql.append(" and event_type = any($").append(values.size()).append(")");
        }
        if (filter.actor() != null) {
            values.add(filter.actor());
            sql.append(" and actor = $").append(values.size());
        }
        if (filter.dashboardId() != null) {
            values.add(filter.dashboardId());
            sql.append(" and dashboard_id = $").append(values.size());
        }
        if (page.hasCursor()) {
            values.add(page.decodeCursor(parts -> Long.parseLong(parts.get(0))));
            sql.append(" and aggregate_sequence < $").append(values.size());
        }
        values.add(page.fetchSize());
        sql.append(" order by aggregate_sequence desc limit $").append(values.size());
        DatabaseClient.GenericExecuteSpec query = db.sql(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            query = query.bind(i, values.get(i));
        }
        return query.map(EventHistoryReadModel::entry).all();
    }

    /**
     * Whether the tenant is known, and whether its history starts at its first event: a tenant
     * projected before event_history existed has none of its earlier events there.
     */
    Mono<Coverage> coverage(UUID tenantId) {
        return db.sql("select exists (select 1 from tenants where id = $1) as known,"
                        + " exists (select 1 from event_history where tenant_id = $1 and aggregate_sequence = 0) as complete")
                .bind(0, tenantId)
                .map(row -> new Coverage(Boolean.TRUE.equals(row.get("known", Boolean.class)),
                        Boolean.TRUE.equals(row.get("complete", Boolean.class))))
                .one();
    }

    /**
     * The tenant's events from sequence {@code first} on, in sequence order, those that happened at
     * or before {@code at} (all when null); one scan of the primary key, in binary format
     * ({@link EnvelopeConnections}).
     */
    Flux<StoredEvent> events(UUID tenantId, long first, Instant at) {
        DatabaseClient.GenericExecuteSpec query = at == null
                ? envelopes.sql("select aggregate_sequence, occurred_at, envelope from event_history"
                        + " where tenant_id = $1 and aggregate_sequence >= $2 order by aggregate_sequence")
                : envelopes.sql("select aggregate_sequence, occurred_at, envelope from event_history"
                                + " where tenant_id = $1 and aggregate_sequence >= $2 and occurred_at <= $3"
                                + " order by aggregate_sequence")
                        .bind(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        return query.bind(0, tenantId)
                .bind(1, first)
                // By index: per row, a name lookup costs more than it reads.
                .map(row -> new StoredEvent(row.get(0, Long.class), row.get(1, OffsetDateTime.class).toInstant(),
                        row.get(2, ByteBuffer.class)))
                .all();
    }

    /** The cursor of a page ending with this entry. */
    static String cursorAfter(HistoryEntryView entry) {
        return PageRequest.cursorOf(entry.sequence());
    }

    private static HistoryEntryView entry(Readable row) {
        return new HistoryEntryView(
                row.get("aggregate_sequence", Long.class),
                row.get("event_id", String.class),
                row.get("event_type", String.class),
                instant(row, "occurred_at"),
                row.get("actor", String.class),
                row.get("summary", String.class),
                row.get("dashboard_id", UUID.class),
                row.get("version", Integer.class),
                row.get("correlation_id", String.class));
    }

    private static Instant instant(Readable row, String column) {
        return row.get(column, OffsetDateTime.class).toInstant();
    }

    /** What event_history holds of a tenant. */
    record Coverage(boolean tenantKnown, boolean complete) {
    }
}
