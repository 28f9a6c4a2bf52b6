package io.flexboard.projector;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.flexboard.projector.projection.ReadModelProjection;
import io.flexboard.schemas.EventEnvelope;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * A test-only read model that runs after all real ones and fails on a chosen event while armed:
 * the event's real read-model writes have happened by then, so only a rollback can undo them. It
 * fails the way a crash does (transient: the batch is retried), the way an event the fold cannot
 * take does (the event is quarantined), or by killing its own database connection once.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
class ProjectionFailureHook implements ReadModelProjection {

    private enum Failure { CRASH, POISON, KILL_CONNECTION_ONCE }

    private final DatabaseClient database;
    private final AtomicReference<String> failOnEventId = new AtomicReference<>();
    private final AtomicReference<Failure> failure = new AtomicReference<>(Failure.CRASH);
    private final AtomicInteger failures = new AtomicInteger();

    ProjectionFailureHook(DatabaseClient database) {
        this.database = database;
    }

    /** Fails every attempt to project this event, as a transient crash would, until {@link #disarm()}. */
    void armFor(EventEnvelope event) {
        arm(event, Failure.CRASH);
    }

    /** Fails every attempt to project this event as the fold fails on an event it cannot take, until {@link #disarm()}. */
    void armPoisonFor(EventEnvelope event) {
        arm(event, Failure.POISON);
    }

    /** Terminates the projecting transaction's own PostgreSQL connection (pg_terminate_backend) at this event, once. */
    void killConnectionOnceAt(EventEnvelope event) {
        arm(event, Failure.KILL_CONNECTION_ONCE);
    }

    void disarm() {
        failOnEventId.set(null);
    }

    int failures() {
        return failures.get();
    }

    private void arm(EventEnvelope event, Failure kind) {
        failures.set(0);
        failure.set(kind);
        failOnEventId.set(event.getEventId());
    }

    @Override
    public Mono<Void> apply(List<EventEnvelope> events) {
        String failOn = failOnEventId.get();
        if (failOn == null || events.stream().noneMatch(event -> event.getEventId().equals(failOn))) {
            return Mono.empty();
        }
        failures.incrementAndGet();
        return switch (failure.get()) {
            case CRASH -> Mono.error(new R2dbcTransientResourceException("Simulated crash while projecting event " + failOn));
            case POISON -> Mono.error(new IllegalStateException("Simulated fold failure on event " + failOn));
            case KILL_CONNECTION_ONCE -> {
                failOnEventId.set(null);
                yield database.sql("select pg_terminate_backend(pg_backend_pid())").then();
            }
        };
    }
}
