package io.flexboard.queryapi.ops.relay;

import io.flexboard.queryapi.ops.trend.Position;
import java.time.Duration;
import java.time.Instant;

/**
 * The relay's place in the event store: its token, the store's newest global index, how many
 * events are not relayed yet and when the oldest of them was stored, and its claim on the token
 * ({@code owner} is null when the relay released it, {@code claimedAt} the claim's last renewal).
 */
public record RelayObservation(RelayToken token, long head, long unrelayed, Instant oldestUnrelayedAt, String owner,
        Instant claimedAt) {

    public Position position() {
        return new Position(token.index(), head, unrelayed);
    }

    /** How long the oldest unrelayed event has waited; zero when everything is relayed. */
    public Duration lagTime(Instant now) {
        if (unrelayed == 0 || oldestUnrelayedAt == null || oldestUnrelayedAt.isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(oldestUnrelayedAt, now);
    }

    /**
     * Whether a relay holds the token: an owner, and a claim renewed within {@code staleAfter}.
     * A relay that shut down released its claim; one that crashed stops renewing it.
     */
    public boolean claimed(Instant now, Duration staleAfter) {
        return owner != null && claimedAt != null && !claimedAt.isBefore(now.minus(staleAfter));
    }
}
