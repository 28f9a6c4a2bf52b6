package io.flexboard.projector.projection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flexboard.projector.projection.TenantPositions.Advance;
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

/**
 * Applies a batch of events to every read model in one database transaction, in order, exactly
 * once per event: duplicates (sequence at or below the tenant's position) are skipped, the next
 * event is applied together with the new position, a gap fails the whole batch.
 *
 * <p>The batch's tenants' positions are locked and read in one statement, every event is checked
 * against them in memory, and the read models get the events to apply all at once: a batch costs a
 * handful of statements, not a handful per event (docs/PERFORMANCE.md, "Projection rebuild").
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

    /** Projects the events in one transaction; on any error nothing of the batch is kept. */
    public Mono<BatchResult> project(List<EventEnvelope> events) {
        return transaction.transactional(apply(events));
    }

    /**
     * Projects the events inside the caller's transaction, which must roll back on an error: the
     * quarantine isolates a failing event with several of these, each in a transaction of its own.
     */
    public Mono<BatchResult> apply(List<EventEnvelope> events) {
        if (events.isEmpty()) {
            return Mono.just(new BatchResult(0, 0, Set.of()));
        }
        Set<UUID> tenants = new LinkedHashSet<>();
        events.forEach(event -> tenants.add(UUID.fromString(event.getTenantId())));
        return positions.lock(tenants).flatMap(locked -> {
            Map<UUID, Advance> advanced = new LinkedHashMap<>();
            List<EventEnvelope> next = new ArrayList<>(events.size());
            for (EventEnvelope event : events) {
                UUID tenantId = UUID.fromString(event.getTenantId());
                Advance last = advanced.get(tenantId);
                long position = last != null ? last.sequence() : locked.getOrDefault(tenantId, TenantPositions.NOTHING_APPLIED);
                long sequence = event.getAggregateSequence();
                if (sequence <= position) {
                    continue;
                }
                if (sequence > position + 1) {
                    return Mono.error(gap(event, tenantId, position));
                }
                next.add(event);
                advanced.put(tenantId, new Advance(tenantId, sequence, event.getOccurredAt()));
            }
            return Flux.fromIterable(readModels)
                    .concatMap(readModel -> readModel.apply(next))
                    .then(positions.advance(advanced.values()))
                    .then(Mono.fromSupplier(() -> {
                        next.forEach(BatchProjection::logApplied);
                        return new BatchResult(next.size(), events.size() - next.size(), tenants);
                    }));
        });
    }

    /**
     * Moves the tenant's position to {@code sequence} without applying anything, when it is behind:
     * an operator skipped that event, so the tenant's next one is not refused as a gap and a
     * redelivered copy of the skipped one is a duplicate. Inside the caller's transaction.
     */
    public Mono<Void> passOver(UUID tenantId, long sequence, java.time.Instant occurredAt) {
        return positions.lock(List.of(tenantId)).flatMap(locked -> {
            long position = locked.getOrDefault(tenantId, TenantPositions.NOTHING_APPLIED);
            return sequence <= position ? Mono.<Void>empty()
                    : positions.advance(List.of(new Advance(tenantId, sequence, occurredAt)));
        });
    }

    private SequenceGapException gap(EventEnvelope event, UUID tenantId, long position) {
        gaps.increment();
        try (var ignored = MDC.putCloseable(CORRELATION_ID, String.valueOf(event.getCorrelationId()))) {
            log.error("Sequence gap for tenant {}: applied up to {}, received {} (event {}); batch rolled back, "
                    + "its tenant is isolated (quarantine)", tenantId, position, event.getAggregateSequence(), event.getEventId());
        }
        return new SequenceGapException(tenantId, position, event.getAggregateSequence());
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
}
