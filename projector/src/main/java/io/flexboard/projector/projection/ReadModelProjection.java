package io.flexboard.projector.projection;

import io.flexboard.schemas.EventEnvelope;
import reactor.core.publisher.Mono;

/**
 * One read model's reaction to the events it cares about.
 *
 * <p>{@link BatchProjection} calls every implementation, in {@link org.springframework.core.annotation.Order}
 * order, for each event that is next in its tenant's sequence, inside the batch's one database
 * transaction. Implementations therefore write through the shared {@code DatabaseClient} and never
 * check for duplicates themselves. A new read model is a new bean, and so is a side effect that
 * must happen exactly when the batch commits (the publish NOTIFY).
 */
public interface ReadModelProjection {

    /** Applies the event to this read model; completes empty for events it does not care about. */
    Mono<Void> apply(EventEnvelope event);
}
