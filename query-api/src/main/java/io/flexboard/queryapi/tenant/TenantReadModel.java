package io.flexboard.queryapi.tenant;

import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.queryapi.web.PageRequest;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads {@code readmodel.tenants}; pages by (created_at, id), the order of tenants_created_at_idx. */
@Component
public class TenantReadModel {

    private static final String COLUMNS = "select id, name, slug, license_type, status, paused_reason, created_at,"
            + " updated_at, max_dashboards, max_widgets_per_dashboard, dashboard_count, last_sync from tenants";

    private final DatabaseClient db;

    public TenantReadModel(DatabaseClient db) {
        this.db = db;
    }

    /**
     * The tenants after the page's cursor that match the filter, {@code fetchSize} of them; {@code within}
     * null: every tenant, else only these (the caller's). The
     * substring search scans the table (no trigram index): fine for the product's hundreds of tenants.
     */
    Flux<TenantView> page(PageRequest page, TenantFilter filter, java.util.Set<UUID> within) {
        List<Object> parameters = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        if (page.hasCursor()) {
            PageRequest.CreatedAtAndId after = page.decodeCreatedAtAndId();
            parameters.add(after.createdAt());
            parameters.add(after.id());
            conditions.add("(created_at, id) > ($1, $2)");
        }
        if (filter.q() != null) {
            parameters.add(filter.likePattern());
            conditions.add("(name ilike $" + parameters.size() + " or slug ilike $" + parameters.size() + ")");
        }
        if (filter.status() != null) {
            parameters.add(filter.status().wireName());
            conditions.add("status = $" + parameters.size());
        }
        if (within != null) {
            parameters.add(within.toArray(UUID[]::new));
            conditions.add("id = any($" + parameters.size() + ")");
        }
        parameters.add(page.fetchSize());
        String sql = COLUMNS + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions))
                + " order by created_at, id limit $" + parameters.size();

        DatabaseClient.GenericExecuteSpec query = db.sql(sql);
        for (int i = 0; i < parameters.size(); i++) {
            query = query.bind(i, parameters.get(i));
        }
        return query.map(TenantReadModel::tenant).all();
    }

    public Mono<TenantView> byId(UUID id) {
        return db.sql(COLUMNS + " where id = $1").bind(0, id).map(TenantReadModel::tenant).one();
    }

    /** The tenant's branding as jsonb text ("null" when it has none); empty for an unknown tenant. */
    Mono<TenantBranding> branding(UUID id) {
        return db.sql("select coalesce(branding::text, 'null') as branding from tenants where id = $1")
                .bind(0, id)
                .map(row -> new TenantBranding(id, row.get("branding", String.class)))
                .one();
    }

    /** Whether the tenant exists, so lists under it can tell "unknown tenant" (404) from "nothing yet". */
    public Mono<Boolean> exists(UUID id) {
        return db.sql("select exists (select 1 from tenants where id = $1)")
                .bind(0, id)
                .map(row -> row.get(0, Boolean.class))
                .one();
    }

    /**
     * The rows of a list under the tenant, or 404 when there is no such tenant: an empty list would say "nothing
     * yet". The rows are read only once the tenant is known to exist (the Flux is cold).
     */
    public <T> Mono<List<T>> listUnder(UUID tenantId, Flux<T> rows) {
        return exists(tenantId)
                .flatMap(exists -> exists ? rows.collectList() : Mono.error(ProblemException.notFound("No tenant " + tenantId)));
    }

    /** The cursor of a page ending with this tenant. */
    public static String cursorAfter(TenantView tenant) {
        return PageRequest.cursorOf(tenant.createdAt(), tenant.id());
    }

    private static TenantView tenant(Readable row) {
        TenantStatus status = TenantStatus.of(row.get("status", String.class));
        return new TenantView(
                row.get("id", UUID.class),
                row.get("name", String.class),
                row.get("slug", String.class),
                row.get("license_type", String.class),
                status == TenantStatus.ACTIVE,
                status,
                row.get("paused_reason", String.class),
                instant(row, "created_at"),
                instant(row, "updated_at"),
                row.get("max_dashboards", Integer.class),
                row.get("max_widgets_per_dashboard", Integer.class),
                row.get("dashboard_count", Integer.class),
                instant(row, "last_sync"));
    }

    static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
