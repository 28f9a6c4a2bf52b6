package io.flexboard.foundation.health;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/** A health check that answers within its timeout, DOWN with the reason when it fails or takes longer: /health never hangs. */
public abstract class BoundedHealthIndicator implements ReactiveHealthIndicator {

    private final Duration timeout;

    protected BoundedHealthIndicator(Duration timeout) {
        this.timeout = timeout;
    }

    /** The check itself; it may fail or never answer. */
    protected abstract Mono<Health> check();

    @Override
    public final Mono<Health> health() {
        return Mono.defer(this::check)
                .timeout(timeout)
                .onErrorResume(failure -> Mono.just(Health.down().withDetail("error", describe(failure)).build()));
    }

    private String describe(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        Throwable cause = failure.getCause() != null && failure.getMessage() == null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
