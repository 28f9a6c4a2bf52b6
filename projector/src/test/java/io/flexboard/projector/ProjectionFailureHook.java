package io.flexboard.projector;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.flexboard.projector.projection.ReadModelProjection;
import io.flexboard.schemas.EventEnvelope;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import reactor.core.publisher.Mono;

/**
 * A test-only read model that runs after all real ones and fails on a chosen event while armed:
 * the event's real read-model writes have happened by then, so only a rollback can undo them.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
class ProjectionFailureHook implements ReadModelProjection {

    private final AtomicReference<String> failOnEventId = new AtomicReference<>();
    private final AtomicInteger failures = new AtomicInteger();

    /** Fails every attempt to project this event until {@link #disarm()}. */
    void armFor(EventEnvelope event) {
        failures.set(0);
        failOnEventId.set(event.getEventId());
    }

    void disarm() {
        failOnEventId.set(null);
    }

    int failures() {
        return failures.get();
    }

    @Override
    public Mono<Void> apply(List<EventEnvelope> events) {
        String failOn = failOnEventId.get();
        if (failOn != null && events.stream().anyMatch(event -> event.getEventId().equals(failOn))) {
            failures.incrementAndGet();
            return Mono.error(new IllegalStateException("Simulated crash while projecting event " + failOn));
        }
        return Mono.empty();
    }
}
