package io.flexboard.agentbridge.sync;

import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads the published-version projection ({@code readmodel.published_versions}): one row per tenant. */
@Component
public class PublishedVersions {

    private final DatabaseClient db;

    public PublishedVersions(DatabaseClient db) {
        this.db = db;
    }

    /** The tenant's published version with its ready-to-serve metadata, or empty before the first publish. */
    public Mono<PublishedVersion> of(UUID tenantId) {
        return db.sql("select version, sync_metadata::text as sync_metadata from published_versions where tenant_id = $1")
                .bind(0, tenantId)
                .map(row -> new PublishedVersion(row.get("version", Integer.class), row.get("sync_metadata", String.class)))
                .one();
    }

    /** A tenant's published version number and the agent's {@code metadata} JSON as stored. */
    public record PublishedVersion(int version, String syncMetadata) {
    }
}
