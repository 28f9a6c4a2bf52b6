package io.flexboard.queryapi.consistency;

import io.flexboard.queryapi.web.ProblemException;
import java.time.Duration;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads {@code readmodel.tenant_positions}: how far the projector has applied each tenant's events. */
@Component
public class TenantPositions {

    private static final Duration FIRST_DELAY = Duration.ofMillis(10);
    private static final Duration LONGEST_DELAY = Duration.ofMillis(200);

    private final DatabaseClient db;

    public TenantPositions(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Completes once the tenant's position reaches the token, re-reading with a growing delay (polling
     * keeps this stateless; waits are short and rare), or fails with consistency-timeout after maxWait.
     */
    public Mono<Void> awaitReached(ConsistencyToken token, Duration maxWait) {
        return position(token.tenantId())
                .filter(position -> position >= token.sequence())
                .repeatWhenEmpty(attempts -> attempts.concatMap(attempt -> Mono.delay(delayAfter(attempt))))
                .timeout(maxWait, Mono.error(() -> ProblemException.consistencyTimeout(
                        "The read side did not reach " + token.tenantId() + ":" + token.sequence() + " within " + maxWait)))
                .then();
    }

    /**
     * The tenant's aggregate version as far as the read models show it, for the {@code ETag} of a
     * read; -1 before its first event is projected. Read it before the data it tags: the data is
     * then at least as new, so an {@code If-Match} with it can only fail safe (412), never hide a
     * change the reader has not seen.
     */
    public Mono<Long> current(UUID tenantId) {
        return position(tenantId).defaultIfEmpty(-1L);
    }

    private Mono<Long> position(UUID tenantId) {
        return db.sql("select aggregate_sequence from tenant_positions where tenant_id = $1")
                .bind(0, tenantId)
                .map(row -> row.get(0, Long.class))
                .one();
    }

    private static Duration delayAfter(long attempt) {
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(attempt, 5));
        return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
    }
}
