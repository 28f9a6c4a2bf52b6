package io.flexboard.queryapi.apikey;

import io.flexboard.queryapi.web.PageRequest;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Reads a tenant's {@code readmodel.api_keys} with their {@code api_key_usage}; pages oldest first by
 * (created_at, key_id), so the tenant's first key ('default') leads.
 */
@Component
class ApiKeyReadModel {

    private static final String KEYS = """
            select k.key_id, k.name, k.key_prefix, k.created_by, k.created_at, u.last_used_at, k.revoked_at
              from api_keys k
              left join api_key_usage u on u.key_hash = k.key_hash
             where k.tenant_id = $1""";

    private final DatabaseClient db;

    public ApiKeyReadModel(DatabaseClient db) {
        this.db = db;
    }

    /** The tenant's keys after the page's cursor, {@code fetchSize} of them. */
    public Flux<ApiKeyView> page(UUID tenantId, PageRequest page) {
        if (page.hasCursor()) {
            PageRequest.CreatedAtAndId after = page.decodeCreatedAtAndId();
            return db.sql(KEYS + " and (k.created_at, k.key_id) > ($2, $3) order by k.created_at, k.key_id limit $4")
                    .bind(0, tenantId)
                    .bind(1, after.createdAt())
                    .bind(2, after.id())
                    .bind(3, page.fetchSize())
                    .map(ApiKeyReadModel::key).all();
        }
        return db.sql(KEYS + " order by k.created_at, k.key_id limit $2")
                .bind(0, tenantId)
                .bind(1, page.fetchSize())
                .map(ApiKeyReadModel::key).all();
    }

    /** The cursor of a page ending with this key. */
    public static String cursorAfter(ApiKeyView key) {
        return PageRequest.cursorOf(key.createdAt(), key.id());
    }

    private static ApiKeyView key(Readable row) {
        return new ApiKeyView(
                row.get("key_id", UUID.class),
                row.get("name", String.class),
                row.get("key_prefix", String.class),
                row.get("created_by", String.class),
                instant(row, "created_at"),
                instant(row, "last_used_at"),
                instant(row, "revoked_at"));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
