package io.flexboard.queryapi.version;

import io.flexboard.queryapi.web.PageRequest;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads {@code readmodel.versions}; pages newest first by version number, unique per tenant. */
@Component
class VersionReadModel {

    private static final String COLUMNS = "select id, version, status, message, created_at, published_at, created_by,"
            + " parent_version, restored_from_version_id, restored_from_version";

    private final DatabaseClient db;

    public VersionReadModel(DatabaseClient db) {
        this.db = db;
    }

    public Flux<VersionSummary> page(UUID tenantId, PageRequest page) {
        if (!page.hasCursor()) {
            return db.sql(COLUMNS + " from versions where tenant_id = $1 order by version desc limit $2")
                    .bind(0, tenantId)
                    .bind(1, page.fetchSize())
                    .map(VersionReadModel::summary)
                    .all();
        }
        int before = page.decodeCursor(parts -> Integer.parseInt(parts.get(0)));
        return db.sql(COLUMNS + " from versions where tenant_id = $1 and version < $2 order by version desc limit $3")
                .bind(0, tenantId)
                .bind(1, before)
                .bind(2, page.fetchSize())
                .map(VersionReadModel::summary)
                .all();
    }

    /** The version when it belongs to the tenant; another tenant's version is as unknown as a missing one. */
    public Mono<VersionDetail> byId(UUID tenantId, UUID versionId) {
        return db.sql(COLUMNS + ", metadata::text as metadata from versions where id = $1 and tenant_id = $2")
                .bind(0, versionId)
                .bind(1, tenantId)
                .map(row -> VersionDetail.of(summary(row), row.get("metadata", String.class)))
                .one();
    }

    /** The cursor of a page ending with this version. */
    public static String cursorAfter(VersionSummary version) {
        return PageRequest.cursorOf(version.version());
    }

    private static VersionSummary summary(Readable row) {
        return new VersionSummary(
                row.get("id", UUID.class),
                row.get("version", Integer.class),
                row.get("status", String.class),
                row.get("message", String.class),
                instant(row, "created_at"),
                instant(row, "published_at"),
                row.get("created_by", String.class),
                row.get("parent_version", Integer.class),
                restoredFrom(row));
    }

    private static RestoredFrom restoredFrom(Readable row) {
        UUID id = row.get("restored_from_version_id", UUID.class);
        return id == null ? null : new RestoredFrom(id, row.get("restored_from_version", Integer.class));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
