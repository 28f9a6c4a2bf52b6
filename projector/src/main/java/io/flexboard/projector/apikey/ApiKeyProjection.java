package io.flexboard.projector.apikey;

import java.util.UUID;

import io.flexboard.projector.projection.ProjectionOrder;
import io.flexboard.projector.projection.ReadModelProjection;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.event.ApiKeyIssuedEvent;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The {@code api_keys} read model: hashes and prefixes only, the plain key never reaches Kafka. */
@Component
@Order(ProjectionOrder.API_KEYS)
class ApiKeyProjection implements ReadModelProjection {

    private final DatabaseClient database;

    ApiKeyProjection(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> apply(EventEnvelope event) {
        if (!(event.getPayload() instanceof ApiKeyIssuedEvent issued)) {
            return Mono.empty();
        }
        return database.sql("""
                        insert into api_keys (key_id, tenant_id, key_hash, key_prefix, created_at)
                        values (:keyId, :tenant, :hash, :prefix, :at)
                        """)
                .bind("keyId", UUID.fromString(issued.getKeyId()))
                .bind("tenant", UUID.fromString(issued.getTenantId()))
                .bind("hash", issued.getKeyHash())
                .bind("prefix", issued.getKeyPrefix())
                .bind("at", event.getOccurredAt())
                .then();
    }
}
