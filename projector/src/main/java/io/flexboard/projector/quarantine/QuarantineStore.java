package io.flexboard.projector.quarantine;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The tables {@code quarantined_events}, {@code held_events} and {@code quarantine_resolutions}.
 * Every method runs in its caller's transaction. The consumer and an operator's resolution meet on
 * the {@code quarantined_events} row, which both lock first: a tenant's events are either held
 * behind its quarantine or applied after its release, never both and never out of order.
 */
@Repository
class QuarantineStore {

    private static final String QUARANTINE_COLUMNS = """
            q.tenant_id, q.event_id, q.event_type, q.aggregate_sequence, q.topic, q.kafka_partition, q.kafka_offset,
            q.record_key, q.record, q.error, q.first_seen, q.last_seen""";

    private final DatabaseClient database;

    QuarantineStore(DatabaseClient database) {
        this.database = database;
    }

    /** Which of these tenants are quarantined, their rows locked until the transaction ends (in id order: no deadlock). */
    Mono<Set<UUID>> lockQuarantined(Collection<UUID> tenantIds) {
        if (tenantIds.isEmpty()) {
            return Mono.just(Set.of());
        }
        return database.sql("select tenant_id from quarantined_events where tenant_id = any(:tenants) order by tenant_id for update")
                .bind("tenants", tenantIds.toArray(UUID[]::new))
                .map(row -> row.get("tenant_id", UUID.class))
                .all()
                .collect(HashSet::new, Set::add);
    }

    /** The tenant's quarantine, locked until the transaction ends; empty when it has none. */
    Mono<Quarantine> lock(UUID tenantId) {
        return database.sql("select " + QUARANTINE_COLUMNS + ", 0::bigint as held from quarantined_events q where tenant_id = :tenant for update")
                .bind("tenant", tenantId)
                .map(QuarantineStore::quarantine)
                .one();
    }

    /** Every open quarantine, oldest first, with the number of events held behind it. */
    Flux<Quarantine> all() {
        return database.sql("select " + QUARANTINE_COLUMNS + """
                        , (select count(*) from held_events h where h.tenant_id = q.tenant_id) as held
                        from quarantined_events q order by q.first_seen, q.tenant_id""")
                .map(QuarantineStore::quarantine)
                .all();
    }

    Mono<Long> count() {
        return database.sql("select count(*) as n from quarantined_events").map(row -> row.get("n", Long.class)).one();
    }

    /**
     * Quarantines the tenant at this record. A tenant already quarantined (a retry that failed
     * again) gets this record instead; the same record again only moves {@code last_seen} and its error.
     */
    Mono<Void> quarantine(PolledEvent event, String error) {
        GenericExecuteSpec insert = database.sql("""
                        insert into quarantined_events (tenant_id, event_id, event_type, aggregate_sequence, topic,
                                kafka_partition, kafka_offset, record_key, record, error, first_seen, last_seen)
                        values (:tenant, :event_id, :event_type, :sequence, :topic, :partition, :offset, :key, :record,
                                :error, now(), now())
                        on conflict (tenant_id) do update set
                            first_seen = case when quarantined_events.topic = excluded.topic
                                               and quarantined_events.kafka_partition = excluded.kafka_partition
                                               and quarantined_events.kafka_offset = excluded.kafka_offset
                                              then quarantined_events.first_seen else excluded.first_seen end,
                            event_id = excluded.event_id, event_type = excluded.event_type,
                            aggregate_sequence = excluded.aggregate_sequence, topic = excluded.topic,
                            kafka_partition = excluded.kafka_partition, kafka_offset = excluded.kafka_offset,
                            record_key = excluded.record_key, record = excluded.record, error = excluded.error,
                            last_seen = excluded.last_seen""")
                .bind("tenant", event.tenantId())
                .bind("error", error);
        return nullable(bindRecord(insert, event), "event_type", event.eventType(), String.class).then();
    }

    /**
     * Holds records of quarantined tenants behind their quarantine, in arrival order. A record held
     * already (redelivered) is held once; the quarantined record itself, redelivered, only moves
     * its quarantine's {@code last_seen}.
     */
    Mono<Void> hold(List<PolledEvent> events) {
        return Flux.fromIterable(events).concatMap(event -> database.sql("""
                                update quarantined_events set last_seen = now()
                                 where tenant_id = :tenant and topic = :topic and kafka_partition = :partition and kafka_offset = :offset""")
                        .bind("tenant", event.tenantId())
                        .bind("topic", event.topic())
                        .bind("partition", event.partition())
                        .bind("offset", event.offset())
                        .fetch().rowsUpdated()
                        .flatMap(redelivered -> redelivered > 0 ? Mono.empty() : insertHeld(event)))
                .then();
    }

    private Mono<Long> insertHeld(PolledEvent event) {
        GenericExecuteSpec insert = database.sql("""
                        insert into held_events (tenant_id, event_id, aggregate_sequence, topic, kafka_partition, kafka_offset,
                                record_key, record, held_at)
                        values (:tenant, :event_id, :sequence, :topic, :partition, :offset, :key, :record, now())
                        on conflict (topic, kafka_partition, kafka_offset) do nothing""")
                .bind("tenant", event.tenantId());
        return bindRecord(insert, event).fetch().rowsUpdated();
    }

    /**
     * The next held events of a tenant, in its sequence order (arrival order among records that do
     * not decode, which come first so that a retry meets them before anything they might precede).
     */
    Flux<HeldEvent> held(UUID tenantId, int limit) {
        return database.sql("""
                        select id, topic, kafka_partition, kafka_offset, record_key, record from held_events
                         where tenant_id = :tenant order by aggregate_sequence nulls first, id limit :limit""")
                .bind("tenant", tenantId)
                .bind("limit", limit)
                .map(row -> new HeldEvent(row.get("id", Long.class), PolledEvent.stored(row.get("topic", String.class),
                        row.get("kafka_partition", Integer.class), row.get("kafka_offset", Long.class),
                        row.get("record_key", String.class), tenantId, row.get("record", byte[].class))))
                .all();
    }

    Mono<Void> release(Collection<Long> heldIds) {
        if (heldIds.isEmpty()) {
            return Mono.empty();
        }
        return database.sql("delete from held_events where id = any(:ids)")
                .bind("ids", heldIds.toArray(Long[]::new))
                .then();
    }

    /** Ends the tenant's quarantine; its events flow again. */
    Mono<Void> lift(UUID tenantId) {
        return database.sql("delete from quarantined_events where tenant_id = :tenant").bind("tenant", tenantId).then();
    }

    /** Records the operator's decision as it is taken (outcome {@code pending}); returns the audit row's id. */
    Mono<Long> audit(Resolution resolution) {
        GenericExecuteSpec insert = database.sql("""
                        insert into quarantine_resolutions (tenant_id, event_id, event_type, aggregate_sequence, kafka_partition,
                                kafka_offset, error, action, actor, reason, outcome, held_released, new_error, resolved_at)
                        values (:tenant, :event_id, :event_type, :sequence, :partition, :offset, :error, :action, :actor,
                                :reason, :outcome, :held_released, :new_error, :resolved_at) returning id""")
                .bind("tenant", resolution.tenantId())
                .bind("partition", resolution.partition())
                .bind("offset", resolution.offset())
                .bind("error", resolution.error())
                .bind("action", resolution.action().column())
                .bind("actor", resolution.actor())
                .bind("reason", resolution.reason())
                .bind("outcome", resolution.outcome())
                .bind("held_released", resolution.heldReleased())
                .bind("resolved_at", resolution.resolvedAt());
        insert = nullable(insert, "event_id", resolution.eventId(), String.class);
        insert = nullable(insert, "event_type", resolution.eventType(), String.class);
        insert = nullable(insert, "sequence", resolution.aggregateSequence(), Long.class);
        insert = nullable(insert, "new_error", resolution.newError(), String.class);
        return insert.map(row -> row.get("id", Long.class)).one();
    }

    /** What came of a decision: the held events replayed, and the new error when one failed again. */
    Mono<Void> settle(long auditId, String outcome, int heldReleased, String newError) {
        GenericExecuteSpec update = database.sql("""
                        update quarantine_resolutions set outcome = :outcome, held_released = :held_released, new_error = :new_error
                         where id = :id""")
                .bind("id", auditId)
                .bind("outcome", outcome)
                .bind("held_released", heldReleased);
        return nullable(update, "new_error", newError, String.class).then();
    }

    /** The newest decisions first. */
    Flux<Resolution> resolutions(int limit) {
        return database.sql("""
                        select tenant_id, event_id, event_type, aggregate_sequence, kafka_partition, kafka_offset, error, action,
                               actor, reason, outcome, held_released, new_error, resolved_at
                          from quarantine_resolutions order by resolved_at desc, id desc limit :limit""")
                .bind("limit", limit)
                .map(row -> new Resolution(row.get("tenant_id", UUID.class), row.get("event_id", String.class),
                        row.get("event_type", String.class), row.get("aggregate_sequence", Long.class),
                        row.get("kafka_partition", Integer.class), row.get("kafka_offset", Long.class),
                        row.get("error", String.class),
                        Resolution.Action.valueOf(row.get("action", String.class).toUpperCase(Locale.ROOT)),
                        row.get("actor", String.class), row.get("reason", String.class), row.get("outcome", String.class),
                        row.get("held_released", Integer.class), row.get("new_error", String.class),
                        row.get("resolved_at", Instant.class)))
                .all();
    }

    private static GenericExecuteSpec bindRecord(GenericExecuteSpec spec, PolledEvent event) {
        spec = spec.bind("topic", event.topic())
                .bind("partition", event.partition())
                .bind("offset", event.offset())
                .bind("record", event.record());
        spec = nullable(spec, "event_id", event.eventId(), String.class);
        spec = nullable(spec, "sequence", event.sequence(), Long.class);
        spec = nullable(spec, "key", event.key(), String.class);
        return spec;
    }

    private static <T> GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    private static Quarantine quarantine(Readable row) {
        return new Quarantine(row.get("tenant_id", UUID.class), row.get("event_id", String.class),
                row.get("event_type", String.class), row.get("aggregate_sequence", Long.class), row.get("topic", String.class),
                row.get("kafka_partition", Integer.class), row.get("kafka_offset", Long.class),
                row.get("record_key", String.class), row.get("record", byte[].class), row.get("error", String.class),
                row.get("first_seen", Instant.class), row.get("last_seen", Instant.class), row.get("held", Long.class));
    }

    /** A held record and its row id. */
    record HeldEvent(long id, PolledEvent event) {
    }
}
