package io.flexboard.infra.local.router;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** One named check of {@code GET /health}; the blocking probe runs off the event loop, bounded in time. */
public record HealthCheck(String name, BooleanSupplier probe) {

    private static final Duration TIMEOUT = Duration.ofSeconds(4);

    public Mono<Boolean> run() {
        return Mono.fromCallable(probe::getAsBoolean)
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(TIMEOUT)
                .onErrorReturn(false);
    }
}
