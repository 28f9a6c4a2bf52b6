package io.flexboard.projector.projection;

import java.util.List;

import io.flexboard.schemas.EventEnvelope;
import reactor.core.publisher.Mono;

/**
 * One read model's reaction to a batch of events.
 *
 * <p>{@link BatchProjection} calls every implementation, in {@link org.springframework.core.annotation.Order}
 * order, once per batch with the batch's events that are next in their tenants' sequences (duplicates
 * already left out, gaps already refused), in their order, inside the batch's one database
 * transaction. Implementations therefore write through the shared {@code DatabaseClient} and never
 * check for duplicates themselves; they may write a batch's net effect instead of each event's steps.
 * A new read model is a new bean, and so is a side effect that must happen exactly when the batch
 * commits (the publish NOTIFY).
 */
public interface ReadModelProjection {

    /** Applies the events, in order, to this read model; completes empty when none concerns it. */
    Mono<Void> apply(List<EventEnvelope> events);
}
