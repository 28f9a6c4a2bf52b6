package io.flexboard.agent.sync;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with full jitter: {@code random(0, min(60 s, 1 s * 2^attempt))}. The jitter keeps
 * hundreds of agents that lost the control plane at the same moment from all coming back at once.
 */
public final class Backoff {

    static final Duration BASE = Duration.ofSeconds(1);
    static final Duration CAP = Duration.ofSeconds(60);
    /** From this attempt on the ceiling is the cap (1 s * 2^6 = 64 s > 60 s). */
    static final int ATTEMPTS_TO_CAP = 6;
    /** The spread of a fleet's re-polls after a publish answered all of them at once. */
    static final Duration REPOLL_SPREAD = Duration.ofSeconds(2);

    private final DoubleSupplier random;

    public Backoff() {
        this(() -> ThreadLocalRandom.current().nextDouble());
    }

    /** {@code random} yields values in [0, 1). */
    Backoff(DoubleSupplier random) {
        this.random = random;
    }

    /**
     * How long to wait after failed attempt number {@code attempt} (0 for the first failure since the
     * last success); never shorter than {@code retryAfter}.
     */
    public Duration delay(int attempt, Optional<Duration> retryAfter) {
        Duration jittered = Duration.ofMillis((long) (ceiling(attempt).toMillis() * random.getAsDouble()));
        return retryAfter.filter(minimum -> minimum.compareTo(jittered) > 0).orElse(jittered);
    }

    /**
     * How long to wait after applying an update before long-polling again: {@code random(0, 2 s)}. A
     * publish answers a whole fleet at the same moment; without this spread every agent would come back
     * in the same instant and the bridge would take the fleet's re-polls as one burst.
     */
    public Duration afterUpdate() {
        return Duration.ofMillis((long) (REPOLL_SPREAD.toMillis() * random.getAsDouble()));
    }

    /** The upper bound of the jitter for {@code attempt}. */
    static Duration ceiling(int attempt) {
        if (attempt >= ATTEMPTS_TO_CAP) {
            return CAP;
        }
        Duration exponential = BASE.multipliedBy(1L << Math.max(0, attempt));
        return exponential.compareTo(CAP) < 0 ? exponential : CAP;
    }
}
