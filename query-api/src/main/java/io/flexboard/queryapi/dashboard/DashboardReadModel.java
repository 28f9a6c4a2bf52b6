package io.flexboard.queryapi.dashboard;

import io.flexboard.queryapi.identity.DashboardOwners;
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
import reactor.core.publisher.Mono;

/** Reads {@code readmodel.dashboards} and {@code readmodel.widgets}. */
@Component
class DashboardReadModel implements DashboardOwners {

    private static final String COLUMNS =
            "select id, tenant_id, name, slug, description, widget_count, created_at, updated_at from dashboards";

    private final DatabaseClient db;

    public DashboardReadModel(DatabaseClient db) {
        this.db = db;
    }

    /** A tenant's dashboards after the cursor, in (created_at, id) order as dashboards_tenant_idx has them. */
    public Flux<DashboardSummary> page(UUID tenantId, PageRequest page) {
        if (!page.hasCursor()) {
            return db.sql(COLUMNS + " where tenant_id = $1 order by created_at, id limit $2")
                    .bind(0, tenantId)
                    .bind(1, page.fetchSize())
                    .map(DashboardReadModel::summary)
                    .all();
        }
        After after = page.decodeCursor(parts -> new After(
                QueryParameters.required("cursor", parts.get(0), QueryParameters::instant),
                QueryParameters.required("cursor", parts.get(1), QueryParameters::uuid)));
        return db.sql(COLUMNS + " where tenant_id = $1 and (created_at, id) > ($2, $3) order by created_at, id limit $4")
                .bind(0, tenantId)
                .bind(1, OffsetDateTime.ofInstant(after.createdAt(), ZoneOffset.UTC))
                .bind(2, after.id())
                .bind(3, page.fetchSize())
                .map(DashboardReadModel::summary)
                .all();
    }

    @Override
    public Mono<UUID> tenantOf(UUID dashboardId) {
        return db.sql("select tenant_id from dashboards where id = $1")
                .bind(0, dashboardId)
                .map(row -> row.get("tenant_id", UUID.class))
                .one();
    }

    /** The dashboard with its widgets (read only when the dashboard exists), or empty when unknown. */
    public Mono<DashboardDetail> byId(UUID dashboardId) {
        Mono<List<WidgetView>> widgets = db.sql("select id, name, widget_type, config::text as config, position_x,"
                        + " position_y, width, height from widgets where dashboard_id = $1 order by sort_order, id")
                .bind(0, dashboardId)
                .map(DashboardReadModel::widget)
                .all()
                .collectList();
        return db.sql(COLUMNS + " where id = $1")
                .bind(0, dashboardId)
                .map(DashboardReadModel::owned)
                .one()
                .zipWhen(owned -> widgets, (owned, w) -> {
                    DashboardSummary d = owned.summary();
                    return new DashboardDetail(d.id(), owned.tenantId(), d.name(), d.slug(), d.description(),
                            d.widgetCount(), d.createdAt(), d.updatedAt(), w);
                });
    }

    /** The cursor of a page ending with this dashboard. */
    public static String cursorAfter(DashboardSummary dashboard) {
        return PageRequest.cursorOf(dashboard.createdAt(), dashboard.id());
    }

    private static DashboardSummary summary(Readable row) {
        return new DashboardSummary(
                row.get("id", UUID.class),
                row.get("name", String.class),
                row.get("slug", String.class),
                row.get("description", String.class),
                row.get("widget_count", Integer.class),
                instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    private static Owned owned(Readable row) {
        return new Owned(row.get("tenant_id", UUID.class), summary(row));
    }

    private static WidgetView widget(Readable row) {
        return new WidgetView(
                row.get("id", UUID.class),
                row.get("name", String.class),
                row.get("widget_type", String.class),
                row.get("config", String.class),
                row.get("position_x", Integer.class),
                row.get("position_y", Integer.class),
                row.get("width", Integer.class),
                row.get("height", Integer.class));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private record Owned(UUID tenantId, DashboardSummary summary) {
    }

    private record After(Instant createdAt, UUID id) {
    }
}
