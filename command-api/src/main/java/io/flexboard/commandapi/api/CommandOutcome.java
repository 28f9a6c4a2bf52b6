package io.flexboard.commandapi.api;

import java.util.function.LongSupplier;

/**
 * What a handled command answers: the handler's result and the tenant aggregate's version after
 * it, which the HTTP layer shows as the ETag and in the consistency token. The version is known
 * only once the unit of work has committed (Axon stamps and publishes the events then), so it is
 * read when the caller asks, after the command returned.
 */
public record CommandOutcome(Object result, LongSupplier versionAfterCommit) {

    /** Sequence number of the last event the command applied. */
    public long aggregateVersion() {
        return versionAfterCommit.getAsLong();
    }
}
