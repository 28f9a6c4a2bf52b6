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

    /** The upper bound of the jitter for {@code attempt}. */
    static Duration ceiling(int attempt) {
        if (attempt >= ATTEMPTS_TO_CAP) {
            return CAP;
        }
        Duration exponential = BASE.multipliedBy(1L << Math.max(0, attempt));
        return exponential.compareTo(CAP) < 0 ? exponential : CAP;
    }
}
