package io.flexboard.projector.quarantine;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An operator's decision on a quarantine, as audited in {@code quarantine_resolutions}: who did
 * what to which event, why, and what came of it ({@code released}, or {@code quarantined} again
 * with {@code newError} when a replayed event failed).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record Resolution(UUID tenantId, String eventId, String eventType, Long aggregateSequence, int partition,
                  long offset, String error, Action action, String actor, String reason, String outcome,
                  int heldReleased, String newError, Instant resolvedAt) {

    /** This decision with what came of its replay. */
    Resolution settled(QuarantineResolver.Replayed replayed) {
        return new Resolution(tenantId, eventId, eventType, aggregateSequence, partition, offset, error, action, actor, reason,
                replayed.outcome(), replayed.released(), replayed.newError(), resolvedAt);
    }

    /** What the operator asked for. */
    public enum Action {
        /** Leave the event out of the read models for good; the tenant's later events follow. */
        SKIP,
        /** Replay the event (after a fix) and then the held ones, in order. */
        RETRY;

        String column() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
