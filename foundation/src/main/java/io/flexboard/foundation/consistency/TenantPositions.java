package io.flexboard.foundation.consistency;

import io.flexboard.foundation.problem.ProblemException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** Reads {@code readmodel.tenant_positions}: how far the projector has applied each tenant's events. */
public class TenantPositions {

    private static final Duration FIRST_DELAY = Duration.ofMillis(10);
    private static final Duration LONGEST_DELAY = Duration.ofMillis(200);

    private final Function<UUID, Mono<Long>> positionOf;

    public TenantPositions(DatabaseClient db) {
        this(tenantId -> db.sql("select aggregate_sequence from tenant_positions where tenant_id = $1")
                .bind(0, tenantId)
                .map(row -> row.get(0, Long.class))
                .one());
    }

    /** Positions read by the given function: empty for a tenant without a projected event. */
    public TenantPositions(Function<UUID, Mono<Long>> positionOf) {
        this.positionOf = positionOf;
    }

    /**
     * Completes once the tenant's position reaches the token, re-reading with a growing delay (polling
     * keeps this stateless; waits are short and rare), or fails with consistency-timeout after maxWait.
     */
    public Mono<Void> awaitReached(ConsistencyToken token, Duration maxWait) {
        return Mono.defer(() -> positionOf.apply(token.tenantId()))
                .filter(position -> position >= token.sequence())
                .repeatWhenEmpty(attempts -> attempts.concatMap(attempt -> Mono.delay(delayAfter(attempt))))
                .timeout(maxWait, Mono.error(() -> ProblemException.consistencyTimeout(
                        "The read side did not reach " + token + " within " + maxWait)))
                .then();
    }

    /**
     * The tenant's aggregate version as far as the read models show it, for the {@code ETag} of a
     * read; -1 before its first event is projected. Read it before the data it tags: the data is
     * then at least as new, so an {@code If-Match} with it can only fail safe (412), never hide a
     * change the reader has not seen.
     */
    public Mono<Long> current(UUID tenantId) {
        return Mono.defer(() -> positionOf.apply(tenantId)).defaultIfEmpty(-1L);
    }

    private static Duration delayAfter(long attempt) {
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(attempt, 5));
        return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
    }
}
