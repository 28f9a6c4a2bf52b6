package io.flexboard.projector.projection;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flexboard.projector.position.TenantPositions;
import io.flexboard.schemas.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies a batch of events to every read model in one database transaction, in order, exactly
 * once per event: duplicates (sequence at or below the tenant's position) are skipped, the next
 * event is applied together with the new position, a gap fails the whole batch.
 */
@Service
public class BatchProjection {

    private static final Logger log = LoggerFactory.getLogger(BatchProjection.class);

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
        Mono<BatchResult> batch = Flux.fromIterable(events)
                .concatMap(event -> projectOne(event).map(applied -> new Outcome(event, applied)))
                .collectList()
                .map(BatchProjection::summarize);
        return transaction.transactional(batch);
    }

    private Mono<Boolean> projectOne(EventEnvelope event) {
        UUID tenantId = UUID.fromString(event.getTenantId());
        long sequence = event.getAggregateSequence();
        return positions.lock(tenantId).flatMap(position -> {
            if (sequence <= position) {
                return Mono.just(false);
            }
            if (sequence > position + 1) {
                gaps.increment();
                log.error("Sequence gap for tenant {}: applied up to {}, received {} (event {}); batch rolled back, "
                        + "will be retried", tenantId, position, sequence, event.getEventId());
                return Mono.error(new SequenceGapException(tenantId, position, sequence));
            }
            return Flux.fromIterable(readModels)
                    .concatMap(readModel -> readModel.apply(event))
                    .then(positions.advance(tenantId, sequence, event.getOccurredAt()))
                    .thenReturn(true);
        });
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
