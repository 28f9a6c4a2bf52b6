package io.flexboard.projector.projection;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flexboard.projector.position.TenantPositions;
import io.flexboard.schemas.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Applies a batch of events to every read model in one database transaction, in order, exactly
 * once per event: duplicates (sequence at or below the tenant's position) are skipped, the next
 * event is applied together with the new position, a gap fails the whole batch.
 */
@Service
public class BatchProjection {

    private static final Logger log = LoggerFactory.getLogger(BatchProjection.class);
    private static final String CORRELATION_ID = "correlationId";

    private final TenantPositions positions;
    private final List<ReadModelProjection> readModels;
    private final TransactionalOperator transaction;
    private final Counter gaps;

    public BatchProjection(TenantPositions positions, List<ReadModelProjection> readModels,
                           TransactionalOperator transaction, MeterRegistry meters) {
        this.positions = positions;
        this.readModels = List.copyOf(readModels);
        this.transaction = transaction;
        this.gaps = Counter.builder("flexboard.projector.sequence.gaps")
                .description("Batches refused because a tenant's event sequence had a gap")
                .register(meters);
    }

    /**
     * Projects the events in one transaction; on any error nothing of the batch is kept. Each
     * tenant's position is locked and read once per batch and written once at its end: the row
     * lock is held to the commit either way, and it saves two statements per event.
     */
    public Mono<BatchResult> project(List<EventEnvelope> events) {
        Map<UUID, Position> batchPositions = new LinkedHashMap<>();
        Mono<BatchResult> batch = Flux.fromIterable(events)
                .concatMap(event -> projectOne(event, batchPositions).map(applied -> new Outcome(event, applied)))
                .collectList()
                .flatMap(outcomes -> Flux.fromIterable(batchPositions.entrySet())
                        .filter(entry -> entry.getValue().advanced())
                        .concatMap(entry -> positions.advance(entry.getKey(), entry.getValue().sequence(),
                                entry.getValue().occurredAt()))
                        .then(Mono.fromSupplier(() -> summarize(outcomes))));
        return transaction.transactional(batch);
    }

    private Mono<Boolean> projectOne(EventEnvelope event, Map<UUID, Position> batchPositions) {
        UUID tenantId = UUID.fromString(event.getTenantId());
        long sequence = event.getAggregateSequence();
        Mono<Position> current = batchPositions.containsKey(tenantId)
                ? Mono.just(batchPositions.get(tenantId))
                : positions.lock(tenantId).map(Position::locked);
        return current.flatMap(position -> {
            batchPositions.put(tenantId, position);
            if (sequence <= position.sequence()) {
                return Mono.just(false);
            }
            if (sequence > position.sequence() + 1) {
                gaps.increment();
                log.error("Sequence gap for tenant {}: applied up to {}, received {} (event {}); batch rolled back, "
                        + "will be retried", tenantId, position.sequence(), sequence, event.getEventId());
                return Mono.error(new SequenceGapException(tenantId, position.sequence(), sequence));
            }
            return Flux.fromIterable(readModels)
                    .concatMap(readModel -> readModel.apply(event))
                    .then(Mono.fromRunnable(() -> {
                        batchPositions.put(tenantId, new Position(sequence, event.getOccurredAt(), true));
                        logApplied(event);
                    }))
                    .thenReturn(true);
        })
                // The command's correlation id in the MDC of every log line about this event
                // (observability.CorrelationIdLogging, with Reactor's automatic context propagation).
                .contextWrite(Context.of(CORRELATION_ID, String.valueOf(event.getCorrelationId())));
    }

    /** One line per applied event, with the correlation id that followed it from the HTTP request. */
    private static void logApplied(EventEnvelope event) {
        if (log.isDebugEnabled()) {
            try (var ignored = MDC.putCloseable(CORRELATION_ID, String.valueOf(event.getCorrelationId()))) {
                log.debug("Applied event {} (tenant {}, sequence {}, {})", event.getEventId(), event.getTenantId(),
                        event.getAggregateSequence(), event.getPayload().getClass().getSimpleName());
            }
        }
    }

    /** A tenant's position within the batch; {@code advanced} once an event of the batch was applied. */
    private record Position(long sequence, Instant occurredAt, boolean advanced) {
        static Position locked(long sequence) {
            return new Position(sequence, null, false);
        }
    }

    private static BatchResult summarize(List<Outcome> outcomes) {
        int applied = 0;
        Set<UUID> tenants = new LinkedHashSet<>();
        for (Outcome outcome : outcomes) {
            applied += outcome.applied() ? 1 : 0;
            tenants.add(UUID.fromString(outcome.event().getTenantId()));
        }
        return new BatchResult(applied, outcomes.size() - applied, tenants);
    }

    private record Outcome(EventEnvelope event, boolean applied) {
    }
}
