package io.flexboard.agent.sync;

import java.time.Duration;
import java.util.Optional;

/** A sync that got no usable answer; the worker backs off and tells the control plane on the next sync. */
public final class SyncFailure extends Exception {

    /** Why, as far as the retry policy cares. */
    public enum Kind {
        /** No answer at all: connection refused, DNS, TLS, timeout. */
        UNREACHABLE,
        /** 401 or 403: a wrong API key or tenant; only a person can fix it, so retries slow down to the cap. */
        REJECTED,
        /** 429: the control plane asks the agent to come back later. */
        THROTTLED,
        /** Any other error answer, or an answer the agent cannot read. */
        FAILED
    }

    private final Kind kind;
    private final transient Optional<Duration> retryAfter;

    public SyncFailure(Kind kind, String message) {
        this(kind, message, Optional.empty());
    }

    public SyncFailure(Kind kind, String message, Optional<Duration> retryAfter) {
        super(message);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The answer's {@code Retry-After}, if it had one: the agent never comes back sooner. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
