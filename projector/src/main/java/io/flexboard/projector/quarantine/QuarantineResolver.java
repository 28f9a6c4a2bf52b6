package io.flexboard.projector.quarantine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.flexboard.projector.projection.BatchProjection;
import io.flexboard.projector.quarantine.QuarantineStore.HeldEvent;
import io.flexboard.projector.quarantine.QuarantiningProjection.EventFailure;
import io.flexboard.projector.quarantine.Resolution.Action;
import io.flexboard.schemas.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * An operator's way out of a quarantine (docs/operations.md, "Quarantined tenants"). Both ways are
 * audited as they are taken, then replay the tenant's held events in its sequence order:
 * <ul>
 * <li>{@code skip}: the event is left out of the read models for good; the tenant's position moves
 *     past it, so its next event is not refused as a gap;</li>
 * <li>{@code retry}: the event is replayed first (after a fix: a newer projector, a repaired row).</li>
 * </ul>
 * Held events are replayed a chunk per transaction, each under the quarantine's row lock, so the
 * consumer keeps holding the tenant's new events until the last chunk lifts the quarantine. When a
 * replayed event fails for good, the replay stops there: that event becomes the tenant's quarantine
 * (with its new error) and the events behind it stay held.
 */
@Service
class QuarantineResolver {

    private static final Logger log = LoggerFactory.getLogger(QuarantineResolver.class);
    private static final int CHUNK = 500;

    private final QuarantineStore store;
    private final BatchProjection projection;
    private final TransactionalOperator transaction;
    private final QuarantineGauge gauge;

    QuarantineResolver(QuarantineStore store, BatchProjection projection, TransactionalOperator transaction,
                       QuarantineGauge gauge) {
        this.store = store;
        this.projection = projection;
        this.transaction = transaction;
        this.gauge = gauge;
    }

    /** Resolves the tenant's quarantine; empty when the tenant has none. */
    Mono<Resolution> resolve(UUID tenantId, Action action, String actor, String reason) {
        Mono<Decision> decided = store.lock(tenantId).flatMap(quarantine -> {
            Resolution pending = new Resolution(tenantId, quarantine.eventId(), quarantine.eventType(),
                    quarantine.aggregateSequence(), quarantine.partition(), quarantine.offset(), quarantine.error(), action,
                    actor, reason, "pending", 0, null, Instant.now());
            PolledEvent event = quarantine.polled();
            Mono<Void> passedOver = action == Action.SKIP && event.decoded()
                    ? projection.passOver(tenantId, event.sequence(), event.event().getOccurredAt())
                    : Mono.empty();
            return passedOver.then(store.audit(pending))
                    .map(auditId -> new Decision(auditId, pending, action == Action.RETRY ? event : null));
        });
        return transaction.transactional(decided)
                .flatMap(decision -> replay(tenantId, decision.head(), 0)
                        .flatMap(replayed -> store.settle(decision.auditId(), replayed.outcome(), replayed.released(),
                                        replayed.newError())
                                .then(Mono.fromRunnable(gauge::refresh))
                                .thenReturn(decision.pending().settled(replayed)))
                        .doOnNext(resolution -> log.warn("Quarantine of tenant {} at event {} resolved by {} ({}): {} — {} held events"
                                        + " replayed{}", tenantId, resolution.eventId(), resolution.actor(), resolution.action(),
                                resolution.reason(), resolution.heldReleased(),
                                resolution.newError() == null ? "" : "; quarantined again: " + resolution.newError())));
    }

    /** Replays the head (a retried event, or none) and every held event, a chunk per transaction, until none is left. */
    private Mono<Replayed> replay(UUID tenantId, PolledEvent head, int released) {
        Mono<Chunk> chunk = store.lock(tenantId)
                .flatMap(quarantine -> store.held(tenantId, CHUNK).collectList())
                .flatMap(held -> {
                    Chunk next = Chunk.of(head, held);
                    if (next.events().isEmpty()) {
                        return store.lift(tenantId).thenReturn(next);
                    }
                    return apply(next.events()).then(store.release(next.heldIds())).thenReturn(next);
                });
        return transaction.transactional(chunk)
                .flatMap(applied -> applied.events().isEmpty()
                        ? Mono.just(new Replayed("released", released, null))
                        : replay(tenantId, null, released + applied.heldIds().size()))
                // The quarantine was lifted meanwhile (another replica's operator): nothing left to do.
                .defaultIfEmpty(new Replayed("released", released, null))
                .onErrorResume(failure -> !Failures.isTransient(failure), failure -> oneByOne(tenantId, head, released));
    }

    /** The chunk failed: its events one transaction each, up to the failing one, which becomes the quarantine. */
    private Mono<Replayed> oneByOne(UUID tenantId, PolledEvent head, int released) {
        return store.held(tenantId, CHUNK).collectList()
                .flatMap(held -> step(tenantId, Chunk.of(head, held), 0, released))
                .flatMap(replayed -> replayed.newError() == null ? replay(tenantId, null, replayed.released()) : Mono.just(replayed));
    }

    private Mono<Replayed> step(UUID tenantId, Chunk chunk, int index, int released) {
        if (index == chunk.events().size()) {
            return Mono.just(new Replayed("released", released, null));
        }
        PolledEvent event = chunk.events().get(index);
        Long heldId = chunk.heldIdOf(event);
        List<Long> ids = heldId == null ? List.of() : List.of(heldId);
        Mono<Void> applied = store.lock(tenantId).then(apply(List.of(event))).then(store.release(ids));
        return transaction.transactional(applied)
                .then(Mono.defer(() -> step(tenantId, chunk, index + 1, released + ids.size())))
                .onErrorResume(failure -> !Failures.isTransient(failure), failure -> {
                    String error = failure instanceof EventFailure known ? known.getMessage() : Failures.describe(failure);
                    return transaction.transactional(store.quarantine(event, error).then(store.release(ids)))
                            .thenReturn(new Replayed("quarantined", released, error));
                });
    }

    private Mono<Void> apply(List<PolledEvent> events) {
        List<EventEnvelope> decoded = new ArrayList<>(events.size());
        for (PolledEvent event : events) {
            if (!event.decoded()) {
                return Mono.error(new EventFailure("undecodable record at " + event.where() + ": " + event.undecodable()));
            }
            decoded.add(event.event());
        }
        return projection.apply(decoded).then();
    }

    private record Decision(long auditId, Resolution pending, PolledEvent head) {
    }

    /** What the replay came to: released, or quarantined again with a new error; held events applied (or passed as duplicates). */
    record Replayed(String outcome, int released, String newError) {
    }

    /** The events of one replay transaction, in the tenant's sequence order (undecodable ones first, as they were held). */
    private record Chunk(List<PolledEvent> events, List<HeldEvent> held) {

        static Chunk of(PolledEvent head, List<HeldEvent> held) {
            List<PolledEvent> events = new ArrayList<>(held.size() + 1);
            if (head != null) {
                events.add(head);
            }
            held.forEach(event -> events.add(event.event()));
            events.sort(Comparator.comparing(PolledEvent::sequence, Comparator.nullsFirst(Comparator.naturalOrder())));
            return new Chunk(events, held);
        }

        List<Long> heldIds() {
            return held.stream().map(HeldEvent::id).toList();
        }

        Long heldIdOf(PolledEvent event) {
            return held.stream().filter(candidate -> candidate.event() == event).map(HeldEvent::id).findFirst().orElse(null);
        }
    }
}
