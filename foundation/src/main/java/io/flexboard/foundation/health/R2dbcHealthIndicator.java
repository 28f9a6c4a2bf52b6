package io.flexboard.foundation.health;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The {@code r2dbc} check (the read models' database), in place of Boot's own under the same bean name:
 * Boot's waits as long as the pool lets it (10 s to acquire), this one answers DOWN after the health timeout.
 */
@Component("r2dbcHealthIndicator")
public class R2dbcHealthIndicator extends BoundedHealthIndicator {

    private final ConnectionFactory connectionFactory;

    public R2dbcHealthIndicator(ConnectionFactory connectionFactory,
                                @Value("${flexboard.health.timeout:2s}") Duration timeout) {
        super(timeout);
        this.connectionFactory = connectionFactory;
    }

    @Override
    protected Mono<Health> check() {
        return Mono.usingWhen(connectionFactory.create(),
                        connection -> Mono.from(connection.validate(ValidationDepth.REMOTE)),
                        Connection::close)
                .map(valid -> (valid ? Health.up() : Health.down())
                        .withDetail("database", connectionFactory.getMetadata().getName())
                        .withDetail("validationQuery", "validate(REMOTE)")
                        .build());
    }
}
