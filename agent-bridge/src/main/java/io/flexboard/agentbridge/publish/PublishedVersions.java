package io.flexboard.agentbridge.publish;

import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads the published-version projection ({@code readmodel.published_versions}): one row per tenant. */
@Component
public class PublishedVersions {

    private static final String COLUMNS = "select tenant_id, version, sync_metadata::text as sync_metadata from published_versions";

    private final DatabaseClient db;

    public PublishedVersions(DatabaseClient db) {
        this.db = db;
    }

    /** The tenant's published version with its ready-to-serve metadata, or empty before the first publish. */
    public Mono<PublishedVersion> of(UUID tenantId) {
        return db.sql(COLUMNS + " where tenant_id = $1")
                .bind(0, tenantId)
                .map(row -> new PublishedVersion(row.get("tenant_id", UUID.class), row.get("version", Integer.class),
                        row.get("sync_metadata", String.class)))
                .one();
    }

    /** The published versions of all these tenants in one read (tenants without one are left out). */
    public Flux<PublishedVersion> ofAll(Collection<UUID> tenantIds) {
        return db.sql(COLUMNS + " where tenant_id = any($1)")
                .bind(0, tenantIds.toArray(UUID[]::new))
                .map(row -> new PublishedVersion(row.get("tenant_id", UUID.class), row.get("version", Integer.class),
                        row.get("sync_metadata", String.class)))
                .all();
    }

    /** A tenant's published version number and the agent's {@code metadata} JSON as stored. */
    public record PublishedVersion(UUID tenantId, int version, String syncMetadata) {
    }
}
