package io.flexboard.projector.apikey;

import java.util.List;
import java.util.UUID;

import io.flexboard.projector.projection.ProjectionOrder;
import io.flexboard.projector.projection.ReadModelProjection;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.event.ApiKeyRevokedEvent;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tells every agent-bridge replica that an API key was revoked: a PostgreSQL {@code NOTIFY} on
 * {@link #CHANNEL} with {@code <tenant id>:<key hash>}, sent in the batch's transaction, the way
 * publishes are announced (delivered on commit only, so a replica that re-reads the key finds it
 * revoked). Replicas forget the key at once and answer the syncs parked with it 401.
 *
 * <p>The payload names the key by its hash because that is all a replica knows of the keys it
 * caches (the hash is no secret: it is what api_keys stores). A replica that missed the hint (no
 * LISTEN connection at that moment) forgets every cached key when it reconnects.
 */
@Component
@Order(ProjectionOrder.PUBLISHED_NOTIFICATION)
public class ApiKeyRevocationNotification implements ReadModelProjection {

    /** The channel agent-bridge replicas {@code LISTEN} on besides the publishes' (docs/projector.md). */
    public static final String CHANNEL = "flexboard_api_key_revoked";

    private final DatabaseClient database;

    ApiKeyRevocationNotification(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> apply(List<EventEnvelope> events) {
        return Flux.fromIterable(events).concatMap(this::announce).then();
    }

    private Mono<Void> announce(EventEnvelope event) {
        if (!(event.getPayload() instanceof ApiKeyRevokedEvent revoked)) {
            return Mono.empty();
        }
        // The read models are written by now (READ_MODELS runs first): the hash comes from the revoked row.
        UUID tenantId = UUID.fromString(revoked.getTenantId());
        return database.sql("""
                        select pg_notify(:channel, :tenantPrefix || key_hash) from api_keys
                         where key_id = :key and tenant_id = :tenant""")
                .bind("channel", CHANNEL)
                .bind("tenantPrefix", tenantId + ":")
                .bind("key", UUID.fromString(revoked.getKeyId()))
                .bind("tenant", tenantId)
                .then();
    }
}
