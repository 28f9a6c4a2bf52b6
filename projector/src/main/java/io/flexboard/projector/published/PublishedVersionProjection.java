package io.flexboard.projector.published;

import java.util.UUID;

import io.flexboard.projector.projection.ProjectionOrder;
import io.flexboard.projector.projection.ReadModelProjection;
import io.flexboard.schemas.EventEnvelope;
import io.flexboard.schemas.event.VersionPublishedEvent;
import io.r2dbc.postgresql.codec.Json;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published-version projection: per tenant, the one published version and the agent's sync
 * answer ready to serve. Archiving leaves the row alone: the next publish replaces it, so agents
 * never see a moment without a published configuration.
 *
 * <p>{@link PublishedVersionNotification}, ordered right after this one, tells long-polling
 * agent-bridge replicas about the new row; it runs in the same transaction, so PostgreSQL delivers
 * it only on commit, when this row is visible.
 */
@Component
@Order(ProjectionOrder.PUBLISHED_VERSIONS)
class PublishedVersionProjection implements ReadModelProjection {

    private final DatabaseClient database;
    private final JsonMapper json;

    PublishedVersionProjection(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    @Override
    public Mono<Void> apply(EventEnvelope event) {
        if (!(event.getPayload() instanceof VersionPublishedEvent published)) {
            return Mono.empty();
        }
        UUID versionId = UUID.fromString(published.getVersionId());
        return database.sql("select version, metadata from versions where id = :id")
                .bind("id", versionId)
                .map(row -> SyncMetadata.of(row.get("version", Integer.class),
                        json.readTree(row.get("metadata", Json.class).asString()), json))
                .one()
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("Published version " + versionId
                        + " of tenant " + published.getTenantId() + " is not in the read model")))
                .flatMap(syncMetadata -> database.sql("""
                                insert into published_versions (tenant_id, version_id, version, published_at, sync_metadata)
                                values (:tenant, :versionId, :version, :at, :syncMetadata)
                                on conflict (tenant_id) do update
                                   set version_id = excluded.version_id, version = excluded.version,
                                       published_at = excluded.published_at, sync_metadata = excluded.sync_metadata
                                """)
                        .bind("tenant", UUID.fromString(published.getTenantId()))
                        .bind("versionId", versionId)
                        .bind("version", published.getVersion())
                        .bind("at", event.getOccurredAt())
                        .bind("syncMetadata", Json.of(json.writeValueAsString(syncMetadata)))
                        .then());
    }
}
