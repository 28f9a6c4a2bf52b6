package io.flexboard.queryapi.history;

import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.foundation.problem.ProblemType;
import io.flexboard.fold.InMemoryReadModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A tenant's read models at past moments, rebuilt from its event_history by the projector's own
 * fold: one indexed read of the envelopes up to the latest moment (after the nearest checkpoint,
 * {@link FoldCheckpoints}), decoded and folded in memory.
 */
@Component
class TenantMoments {

    private final EventHistoryReadModel history;
    private final FoldCheckpoints checkpoints;

    TenantMoments(EventHistoryReadModel history, FoldCheckpoints checkpoints) {
        this.history = history;
        this.checkpoints = checkpoints;
    }

    /**
     * The tenant's state at each moment (in the order given; a null moment means "every event so far").
     * 404 for an unknown tenant, 409 {@code history-incomplete} when its history lacks its first events.
     */
    Mono<List<InMemoryReadModel>> at(UUID tenantId, List<Instant> moments) {
        List<Instant> ascending = new ArrayList<>(moments);
        ascending.sort(Comparator.nullsLast(Comparator.naturalOrder()));
        return history.coverage(tenantId)
                .flatMap(coverage -> {
                    if (!coverage.tenantKnown()) {
                        return Mono.error(ProblemException.notFound("No tenant " + tenantId));
                    }
                    if (!coverage.complete()) {
                        return Mono.error(new ProblemException(ProblemType.HISTORY_INCOMPLETE, "The event history of tenant "
                                + tenantId + " does not start at its first event (it was projected before event_history"
                                + " existed): rebuild the read models to fill it (docs/operations.md)"));
                    }
                    Mono<List<InMemoryReadModel>> states = checkpoints.enabled()
                            // One moment after the other: each later one starts from the checkpoint the
                            // fold before it left, so the history is still read once, and each from
                            // its own nearest checkpoint when there is one.
                            // (by index: the "every event" moment is a null, which no Flux carries)
                            ? Flux.range(0, ascending.size())
                                    .concatMap(i -> fold(tenantId, Collections.singletonList(ascending.get(i))))
                                    .map(one -> one.get(0))
                                    .collectList()
                            : fold(tenantId, ascending);
                    return states.map(folded -> inGivenOrder(moments, ascending, folded));
                });
    }

    /** The states at the moments (ascending), folded in one pass from the first moment's nearest checkpoint. */
    private Mono<List<InMemoryReadModel>> fold(UUID tenantId, List<Instant> ascending) {
        // Deferred: the nearest checkpoint is the one there when the fold starts, not when it was planned.
        return Mono.defer(() -> {
            MomentFold fold = new MomentFold(tenantId, ascending,
                    checkpoints.before(tenantId, ascending.get(0)).orElse(null), checkpoints);
            return history.events(tenantId, fold.first(), ascending.get(ascending.size() - 1))
                    // Decoding and folding a long history is ~100 ms of CPU: off the database driver's event
                    // loop, and off the parallel workers that run every timer (the consistency filter's
                    // re-reads), onto a worker of its own.
                    .publishOn(Schedulers.boundedElastic())
                    .reduce(fold, (folding, event) -> {
                        folding.accept(event);
                        return folding;
                    })
                    .map(MomentFold::states);
        });
    }

    private static List<InMemoryReadModel> inGivenOrder(List<Instant> given, List<Instant> ascending,
                                                        List<InMemoryReadModel> states) {
        List<InMemoryReadModel> ordered = new ArrayList<>(given.size());
        for (Instant moment : given) {
            ordered.add(states.get(ascending.indexOf(moment)));
        }
        return ordered;
    }
}
