package io.flexboard.agent.sync;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with full jitter: {@code random(0, min(cap, 1 s * 2^attempt))}, the cap 60 s or one hold
 * of the long poll when that is shorter ({@link #withinOneHold}). The jitter keeps hundreds of agents that lost
 * the control plane at the same moment from all coming back at once.
 * A {@code Retry-After} is a floor, cut to a cap (a wrong or hostile value must not silence the agent
 * for days), and spread by up to a tenth more: a fleet refused at once is also told the same value.
 */
public final class Backoff {

    static final Duration BASE = Duration.ofSeconds(1);
    static final Duration CAP = Duration.ofSeconds(60);
    /** From this attempt on the ceiling is the cap (1 s * 2^6 = 64 s > 60 s). */
    static final int ATTEMPTS_TO_CAP = 6;
    /** The spread of a fleet's re-polls after an answer that reached all of them at once. */
    static final Duration REPOLL_SPREAD = Duration.ofSeconds(2);

    private final DoubleSupplier random;
    private final Duration cap;
    private final Duration maxRetryAfter;

    /** {@code maxRetryAfter}: the longest {@code Retry-After} honoured. */
    public Backoff(Duration maxRetryAfter) {
        this(() -> ThreadLocalRandom.current().nextDouble(), CAP, maxRetryAfter);
    }

    /** {@code random} yields values in [0, 1). */
    Backoff(DoubleSupplier random, Duration maxRetryAfter) {
        this(random, CAP, maxRetryAfter);
    }

    Backoff(DoubleSupplier random, Duration cap, Duration maxRetryAfter) {
        this.random = random;
        this.cap = cap;
        this.maxRetryAfter = maxRetryAfter;
    }

    /**
     * A back-off that never waits longer than one {@code hold} of the long poll (at least 1 s, at most 60 s): an
     * agent that lost the control plane for minutes asks again within one hold of its return and applies the newest
     * version then, and while it is gone it asks about as often as a healthy agent does, once per hold.
     */
    public static Backoff withinOneHold(Duration hold, Duration maxRetryAfter) {
        return new Backoff(() -> ThreadLocalRandom.current().nextDouble(), capFor(hold), maxRetryAfter);
    }

    static Duration capFor(Duration hold) {
        return hold.compareTo(BASE) < 0 ? BASE : hold.compareTo(CAP) > 0 ? CAP : hold;
    }

    /**
     * How long to wait after failed attempt number {@code attempt} (0 for the first failure since the
     * last success); never shorter than {@code retryAfter} up to the cap, plus up to a tenth of it.
     */
    public Duration delay(int attempt, Optional<Duration> retryAfter) {
        double draw = random.getAsDouble();
        Duration ceiling = ceiling(attempt).compareTo(cap) > 0 ? cap : ceiling(attempt);
        Duration jittered = Duration.ofMillis((long) (ceiling.toMillis() * draw));
        return retryAfter
                .map(asked -> asked.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : asked)
                .map(floor -> floor.plusMillis((long) (floor.toMillis() / 10 * draw)))
                .filter(floor -> floor.compareTo(jittered) > 0)
                .orElse(jittered);
    }

    /**
     * How long to wait after an answer before long-polling again: {@code random(0, 2 s)}. A publish answers
     * a whole fleet at the same moment, and so does a bridge replica that shuts down (it answers its parked
     * syncs "nothing new"); without this spread the fleet would come back in one burst.
     */
    public Duration beforeNextPoll() {
        return Duration.ofMillis((long) (REPOLL_SPREAD.toMillis() * random.getAsDouble()));
    }

    /** The upper bound of the jitter for {@code attempt} under the 60 s cap (a shorter cap cuts it further). */
    static Duration ceiling(int attempt) {
        if (attempt >= ATTEMPTS_TO_CAP) {
            return CAP;
        }
        Duration exponential = BASE.multipliedBy(1L << Math.max(0, attempt));
        return exponential.compareTo(CAP) < 0 ? exponential : CAP;
    }
}
