package io.flexboard.commandapi.observability;

import java.sql.Connection;
import java.time.Duration;

import javax.sql.DataSource;

import io.flexboard.foundation.health.BoundedHealthIndicator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The {@code db} check (the event store's database), in place of Boot's own under the same name:
 * Boot's waits as long as the pool lets it (30 s), this one answers DOWN after the health timeout.
 */
@Component("dbHealthIndicator")
class DatabaseHealthIndicator extends BoundedHealthIndicator {

    private final DataSource dataSource;
    private final int timeoutSeconds;

    DatabaseHealthIndicator(DataSource dataSource, @Value("${flexboard.health.timeout:2s}") Duration timeout) {
        super(timeout);
        this.dataSource = dataSource;
        this.timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
    }

    @Override
    protected Mono<Health> check() {
        // JDBC blocks: never on the event loop.
        return Mono.fromCallable(() -> {
            try (Connection connection = dataSource.getConnection()) {
                boolean valid = connection.isValid(timeoutSeconds);
                return (valid ? Health.up() : Health.down())
                        .withDetail("database", connection.getMetaData().getDatabaseProductName())
                        .withDetail("schema", String.valueOf(connection.getSchema()))
                        .build();
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
