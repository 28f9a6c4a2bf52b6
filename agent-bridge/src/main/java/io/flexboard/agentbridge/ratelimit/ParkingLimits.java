package io.flexboard.agentbridge.ratelimit;

import io.flexboard.agentbridge.config.AgentBridgeSettings;
import io.flexboard.foundation.problem.ProblemException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The ceilings of syncs parked at once on this replica: per API key, so one tenant's fleet cannot take
 * every slot, and for the replica, so parked syncs cannot exhaust its heap or file descriptors. A parked
 * sync costs no thread but a socket and some heap (docs/agent-bridge.md, "Parked syncs", measured).
 */
@Component
public class ParkingLimits {

    private final int maxPerKey;
    private final int maxPerReplica;
    private final Duration retryAfter;
    private final ConcurrentHashMap<String, Integer> parkedByKey = new ConcurrentHashMap<>();
    private final AtomicInteger parked = new AtomicInteger();
    private final Counter keyRefusals;
    private final Counter replicaRefusals;

    public ParkingLimits(AgentBridgeSettings properties, MeterRegistry meters) {
        AgentBridgeSettings.Parking parking = properties.sync().parking();
        this.maxPerKey = parking.maxPerKey();
        this.maxPerReplica = parking.maxPerReplica();
        this.retryAfter = parking.retryAfter();
        this.keyRefusals = SyncRateLimiter.refusals(meters, "parked-per-key");
        this.replicaRefusals = SyncRateLimiter.refusals(meters, "parked-per-replica");
    }

    /** A place for one more parked sync of the key, or empty when the key's or the replica's ceiling is reached. */
    public Optional<Slot> tryPark(String keyHash) {
        if (parked.incrementAndGet() > maxPerReplica) {
            parked.decrementAndGet();
            replicaRefusals.increment();
            return Optional.empty();
        }
        boolean[] granted = {false};
        parkedByKey.compute(keyHash, (key, count) -> {
            int current = count == null ? 0 : count;
            granted[0] = current < maxPerKey;
            return granted[0] ? current + 1 : count;
        });
        if (!granted[0]) {
            parked.decrementAndGet();
            keyRefusals.increment();
            return Optional.empty();
        }
        return Optional.of(new Slot(keyHash));
    }

    /**
     * The 429 of a sync that would park past a ceiling. Not 503: the replica is healthy and answers every
     * sync that has news at once; only waiting for news is refused, and the agent must not come back
     * sooner than {@code retry-after} (which the whole fleet's arrival spreads).
     */
    public ProblemException refusal() {
        return ProblemException.rateLimited("Too many syncs are parked for this API key or on this replica; retry in "
                + retryAfter.toSeconds() + " s", retryAfter.toSeconds());
    }

    /** One granted place; released once, by whoever ends the parked sync first. */
    public final class Slot {

        private final String keyHash;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String keyHash) {
            this.keyHash = keyHash;
        }

        /** Gives the place back; later calls do nothing. */
        public void release() {
            if (released.compareAndSet(false, true)) {
                // An entry at zero is removed: keys that stopped polling leave nothing behind.
                parkedByKey.computeIfPresent(keyHash, (key, count) -> count <= 1 ? null : count - 1);
                parked.decrementAndGet();
            }
        }
    }
}
