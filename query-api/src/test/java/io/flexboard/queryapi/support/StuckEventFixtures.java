package io.flexboard.queryapi.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** Writes the projector's quarantine rows and the relay's parked events as those services do. */
public final class StuckEventFixtures {

    public void clear() {
        TestDatabase.execute("truncate readmodel.quarantined_events, readmodel.held_events, eventstore.parked_events");
    }

    /** The projector quarantined the tenant at this event, with {@code held} of its events behind it. */
    public void quarantined(UUID tenantId, String eventId, long sequence, String error, Instant since, int held) {
        TestDatabase.execute("""
                insert into readmodel.quarantined_events (tenant_id, event_id, event_type, aggregate_sequence, topic, kafka_partition,
                        kafka_offset, record_key, record, error, first_seen, last_seen)
                values (?, ?, 'widgets_replaced', ?, 'flexboard.events', 2, 41, ?, ?, ?, ?, ?)""",
                tenantId, eventId, sequence, tenantId.toString(), new byte[] {1, 2}, error, Timestamp.from(since),
                Timestamp.from(since));
        for (int i = 0; i < held; i++) {
            TestDatabase.execute("""
                    insert into readmodel.held_events (tenant_id, event_id, aggregate_sequence, topic, kafka_partition, kafka_offset,
                            record_key, record, held_at)
                    values (?, ?, ?, 'flexboard.events', 2, ?, ?, ?, now())""",
                    tenantId, UUID.randomUUID().toString(), sequence + 1 + i, 42L + i, tenantId.toString(), new byte[] {3});
        }
    }

    /** The relay parked this event of the tenant: {@code refused} with the broker's error, or {@code held}. */
    public void parked(UUID tenantId, String eventId, long sequence, String status, String error) {
        TestDatabase.execute("""
                insert into eventstore.parked_events (tenant_id, event_id, event_type, aggregate_sequence, record, status, error, parked_at)
                values (?, ?, 'DraftSavedEvent', ?, ?, ?, ?, now())""",
                tenantId.toString(), eventId, sequence, new byte[] {4}, status, error);
    }
}
