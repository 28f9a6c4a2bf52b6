package io.flexboard.queryapi.support;

import io.flexboard.fold.EnvelopeV1;
import io.flexboard.projector.readmodel.FoldProjection;
import io.flexboard.schemas.EventEnvelope;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Writes read-model fixtures through the projector's own fold and SQL ({@link FoldProjection}):
 * the live tables and event_history hold exactly what the projector would have written for these
 * events, so what query-api folds from event_history can be compared with what its live endpoints
 * read.
 */
public final class ProjectedEvents {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final FoldProjection projection;

    public ProjectedEvents(DatabaseClient database) {
        this.projection = new FoldProjection(database);
    }

    /** Projects the events in order, as the projector applies a batch of them, and records the tenant's position. */
    public void projected(List<EventEnvelope> events) {
        projection.apply(events).block(TIMEOUT);
        EventEnvelope last = events.get(events.size() - 1);
        new ReadModelFixtures().projectedUpTo(UUID.fromString(last.getTenantId()), last.getAggregateSequence());
    }

    /**
     * Rewrites the tenant's stored envelopes as a projector that only knew envelope schema v1 stored
     * them: the rows a reader meets after the schema evolved.
     */
    public void storedWithSchemaV1(List<EventEnvelope> events) {
        for (EventEnvelope event : events) {
            TestDatabase.execute("update event_history set envelope = ? where tenant_id = ? and aggregate_sequence = ?",
                    EnvelopeV1.encode(event), UUID.fromString(event.getTenantId()), event.getAggregateSequence());
        }
    }

    /** Removes the tenant's first events from event_history, as if they were projected before it existed. */
    public void historyStartsAt(String tenantId, long sequence) {
        TestDatabase.execute("delete from event_history where tenant_id = ? and aggregate_sequence < ?", UUID.fromString(tenantId),
                sequence);
    }
}
