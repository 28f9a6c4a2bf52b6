package io.flexboard.projector.rebuild;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flexboard.projector.projection.BatchProjection;
import io.flexboard.projector.projection.BatchResult;
import io.flexboard.projector.projection.ReadModelProjection;
import io.flexboard.projector.projection.TenantPositions;
import io.flexboard.projector.apikey.ApiKeyRevocationNotification;
import io.flexboard.projector.published.PublishedVersionNotification;
import io.flexboard.schemas.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Applies a batch of the history to a rebuild's schema with the live projector's own
 * {@link BatchProjection} and read-model beans, so a rebuild follows exactly its rules (duplicates
 * skipped, gaps refused, one transaction per batch), and stores the batch's next offsets in that
 * same transaction: an interrupted rebuild resumes exactly where its last commit left it.
 *
 * <p>How the same beans write into another schema: the transaction starts with
 * {@code set_config('search_path', <rebuild schema>, true)}, which lasts until that transaction ends,
 * and every statement of the batch runs on the transaction's connection (the projection's contract).
 * PostgreSQL re-parses a prepared statement whose search_path changed since its last use, so the
 * cached statements of the live projector resolve to the rebuild's tables here and to the live ones
 * everywhere else. The live projector's transactions, on other connections, are not affected.
 */
@Component
class RebuildProjection {

    private final BatchProjection projection;
    private final DatabaseClient database;
    private final TransactionalOperator transaction;
    private final Counter applied;
    private final Counter duplicates;

    RebuildProjection(TenantPositions positions, List<ReadModelProjection> readModels, DatabaseClient database,
                      TransactionalOperator transaction, MeterRegistry meters) {
        // No NOTIFY while rebuilding: it would wake agents for publishes and pauses long past, and the
        // live read models do not change until the switch-over, which announces what it changed.
        this.projection = new BatchProjection(positions,
                readModels.stream().filter(readModel -> !(readModel instanceof PublishedVersionNotification)
                        && !(readModel instanceof ApiKeyRevocationNotification)).toList(),
                transaction, meters);
        this.database = database;
        this.transaction = transaction;
        this.applied = eventCounter(meters, "applied");
        this.duplicates = eventCounter(meters, "duplicate");
    }

    /**
     * Projects the events into {@code schema} and moves each partition's stored offset from
     * {@code from} to {@code to}, all in one transaction. A stored offset that is not {@code from}
     * any more means another projector instance took this rebuild over: {@link FencedException},
     * and nothing of the batch is kept.
     */
    BatchResult apply(String schema, List<EventEnvelope> events, LiveQuarantines.Decisions decisions,
                      Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        Mono<BatchResult> batch = database.sql("select set_config('search_path', :schema, true)")
                .bind("schema", RebuildSchemas.checked(schema))
                .then()
                .then(project(events, decisions))
                .flatMap(result -> advance(from, to).thenReturn(result));
        BatchResult result = transaction.transactional(batch).block();
        applied.increment(result.applied());
        duplicates.increment(result.duplicates());
        return result;
    }

    /** Counted once per committed batch, like the live projector's flexboard.projector.events. */
    private static Counter eventCounter(MeterRegistry meters, String outcome) {
        return Counter.builder("flexboard.projector.rebuild.events.projected")
                .description("Events rebuilds applied (or skipped as duplicates) in committed batches")
                .tag("outcome", outcome)
                .register(meters);
    }

    /**
     * The events in order, with those operators skipped live passed over as live: the events before
     * a skipped one are applied, the position moves past it, then the rest follow.
     */
    private Mono<BatchResult> project(List<EventEnvelope> events, LiveQuarantines.Decisions decisions) {
        Mono<BatchResult> result = Mono.just(new BatchResult(0, 0, Set.of()));
        List<EventEnvelope> segment = new ArrayList<>();
        for (EventEnvelope event : events) {
            if (decisions.skipped(event)) {
                result = then(result, List.copyOf(segment))
                        .flatMap(done -> projection.passOver(UUID.fromString(event.getTenantId()), event.getAggregateSequence(),
                                event.getOccurredAt()).thenReturn(done));
                segment.clear();
            } else {
                segment.add(event);
            }
        }
        return then(result, List.copyOf(segment));
    }

    private Mono<BatchResult> then(Mono<BatchResult> before, List<EventEnvelope> events) {
        return events.isEmpty() ? before : before.flatMap(done -> projection.apply(events).map(next -> new BatchResult(
                done.applied() + next.applied(), done.duplicates() + next.duplicates(), union(done.tenants(), next.tenants()))));
    }

    private static Set<UUID> union(Set<UUID> a, Set<UUID> b) {
        Set<UUID> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private Mono<Void> advance(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        int size = to.size();
        Integer[] partitions = new Integer[size];
        Long[] expected = new Long[size];
        Long[] next = new Long[size];
        int i = 0;
        for (Map.Entry<TopicPartition, Long> entry : to.entrySet()) {
            partitions[i] = entry.getKey().partition();
            expected[i] = from.get(entry.getKey());
            next[i] = entry.getValue();
            i++;
        }
        // Unqualified: the search_path of this transaction is the rebuild's schema.
        return database.sql("""
                        update rebuild_offsets o set next_offset = n.next
                          from unnest(:partitions::int[], :expected::bigint[], :next::bigint[]) as n(p, expected, next)
                         where o.topic_partition = n.p and o.next_offset = n.expected""")
                .bind("partitions", partitions)
                .bind("expected", expected)
                .bind("next", next)
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == size ? Mono.<Void>empty() : Mono.error(new FencedException()));
    }

    /** The stored offsets moved under this rebuild: someone else runs it now. */
    static final class FencedException extends RuntimeException {
        FencedException() {
            super("The rebuild's stored offsets moved: another projector instance runs it now", null, false, false);
        }
    }
}
