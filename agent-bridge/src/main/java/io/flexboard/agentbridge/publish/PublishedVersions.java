package io.flexboard.agentbridge.publish;

import io.r2dbc.spi.Readable;
import java.util.Collection;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads what a tenant's agents are answered from: the published-version projection
 * ({@code readmodel.published_versions}, one row per tenant) and whether the tenant is paused
 * ({@code tenants.status}), in one read on the two primary keys.
 */
@Component
class PublishedVersions {

    private static final String COLUMNS = "select t.id as tenant_id, t.status, p.version,"
            + " p.published_configuration::text as published_configuration"
            + " from tenants t left join published_versions p on p.tenant_id = t.id";

    private final DatabaseClient db;

    public PublishedVersions(DatabaseClient db) {
        this.db = db;
    }

    /** The tenant's published version with its ready-to-serve metadata and status, or empty for an unknown tenant. */
    public Mono<PublishedVersion> of(UUID tenantId) {
        return db.sql(COLUMNS + " where t.id = $1")
                .bind(0, tenantId)
                .map(PublishedVersions::publishedVersion)
                .one();
    }

    /** The published versions of all these tenants in one read (unknown tenants are left out). */
    public Flux<PublishedVersion> ofAll(Collection<UUID> tenantIds) {
        return db.sql(COLUMNS + " where t.id = any($1)")
                .bind(0, tenantIds.toArray(UUID[]::new))
                .map(PublishedVersions::publishedVersion)
                .all();
    }

    private static PublishedVersion publishedVersion(Readable row) {
        Integer version = row.get("version", Integer.class);
        return new PublishedVersion(row.get("tenant_id", UUID.class), version == null ? 0 : version,
                row.get("published_configuration", String.class), "paused".equals(row.get("status", String.class)));
    }

    /**
     * A tenant's published version number and the agent's {@code metadata} JSON as stored (0 and null
     * before the first publish), and whether an admin paused the tenant.
     */
    public record PublishedVersion(UUID tenantId, int version, String publishedConfiguration, boolean paused) {
    }
}
