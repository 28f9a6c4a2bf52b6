package io.flexboard.queryapi.apikey;

import io.flexboard.queryapi.parameter.QueryParameters;
import io.flexboard.queryapi.web.PageRequest;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Reads a tenant's {@code readmodel.api_keys} with their {@code api_key_usage}; pages oldest first by
 * (created_at, key_id), so the tenant's first key ('default') leads.
 */
@Component
public class ApiKeyReadModel {

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
            After after = page.decodeCursor(ApiKeyReadModel::after);
            return db.sql(KEYS + " and (k.created_at, k.key_id) > ($2, $3) order by k.created_at, k.key_id limit $4")
                    .bind(0, tenantId)
                    .bind(1, OffsetDateTime.ofInstant(after.createdAt(), ZoneOffset.UTC))
                    .bind(2, after.keyId())
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

    private static After after(List<String> parts) {
        if (parts.size() != 2) {
            throw new IllegalArgumentException("a key cursor has two parts");
        }
        return new After(QueryParameters.required("cursor", parts.get(0), QueryParameters::instant),
                QueryParameters.required("cursor", parts.get(1), QueryParameters::uuid));
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

    private record After(Instant createdAt, UUID keyId) {
    }
}
