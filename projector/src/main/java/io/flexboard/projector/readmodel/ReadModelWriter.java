package io.flexboard.projector.readmodel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.flexboard.history.fold.ApiKeyRow;
import io.flexboard.history.fold.DashboardRow;
import io.flexboard.history.fold.HistoryEntryRow;
import io.flexboard.history.fold.PublishedVersionRow;
import io.flexboard.history.fold.RowChange;
import io.flexboard.history.fold.RowChange.ApiKeyInserted;
import io.flexboard.history.fold.RowChange.DashboardInserted;
import io.flexboard.history.fold.RowChange.DashboardWidgetCountSet;
import io.flexboard.history.fold.RowChange.HistoryEntryAppended;
import io.flexboard.history.fold.RowChange.PublishedVersionSet;
import io.flexboard.history.fold.RowChange.TenantDashboardCountIncremented;
import io.flexboard.history.fold.RowChange.TenantInserted;
import io.flexboard.history.fold.RowChange.TenantStatusSet;
import io.flexboard.history.fold.RowChange.VersionInserted;
import io.flexboard.history.fold.RowChange.VersionMarkedArchived;
import io.flexboard.history.fold.RowChange.VersionMarkedPublished;
import io.flexboard.history.fold.RowChange.WidgetsReplaced;
import io.flexboard.history.fold.TenantRow;
import io.flexboard.history.fold.VersionRow;
import io.flexboard.history.fold.WidgetRow;
import io.flexboard.schemas.wire.EventCodec;
import io.r2dbc.postgresql.codec.Json;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Mono;

/**
 * The read models' SQL: one method per kind of {@link RowChange}, each writing exactly the values
 * the change carries (the fold decided them; nothing is decided here).
 */
final class ReadModelWriter implements RowChange.Handler<Mono<Void>> {

    private final DatabaseClient database;

    ReadModelWriter(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Void> tenantInserted(TenantInserted change) {
        TenantRow tenant = change.tenant();
        return database.sql("""
                        insert into tenants (id, name, slug, license_type, max_dashboards, max_widgets_per_dashboard,
                                             is_active, paused_reason, dashboard_count, created_at, updated_at)
                        values (:id, :name, :slug, :license, :maxDashboards, :maxWidgets, :active, :pausedReason,
                                :dashboardCount, :createdAt, :updatedAt)
                        """)
                .bind("id", tenant.id())
                .bind("name", tenant.name())
                .bind("slug", tenant.slug())
                .bind("license", tenant.licenseType())
                .bind("maxDashboards", tenant.maxDashboards())
                .bind("maxWidgets", tenant.maxWidgetsPerDashboard())
                .bind("active", tenant.isActive())
                .bind("pausedReason", Parameter.fromOrEmpty(tenant.pausedReason(), String.class))
                .bind("dashboardCount", tenant.dashboardCount())
                .bind("createdAt", tenant.createdAt())
                .bind("updatedAt", tenant.updatedAt())
                .then();
    }

    @Override
    public Mono<Void> tenantStatusSet(TenantStatusSet change) {
        return database.sql("update tenants set is_active = :active, paused_reason = :reason, updated_at = :at where id = :id")
                .bind("active", change.active())
                .bind("reason", Parameter.fromOrEmpty(change.pausedReason(), String.class))
                .bind("at", change.updatedAt())
                .bind("id", change.tenantId())
                .then();
    }

    @Override
    public Mono<Void> tenantDashboardCountIncremented(TenantDashboardCountIncremented change) {
        return database.sql("update tenants set dashboard_count = dashboard_count + 1 where id = :id")
                .bind("id", change.tenantId())
                .then();
    }

    @Override
    public Mono<Void> apiKeyInserted(ApiKeyInserted change) {
        ApiKeyRow key = change.apiKey();
        return database.sql("""
                        insert into api_keys (key_id, tenant_id, key_hash, key_prefix, created_at)
                        values (:keyId, :tenant, :hash, :prefix, :at)
                        """)
                .bind("keyId", key.keyId())
                .bind("tenant", key.tenantId())
                .bind("hash", key.keyHash())
                .bind("prefix", key.keyPrefix())
                .bind("at", key.createdAt())
                .then();
    }

    @Override
    public Mono<Void> dashboardInserted(DashboardInserted change) {
        DashboardRow dashboard = change.dashboard();
        return database.sql("""
                        insert into dashboards (id, tenant_id, name, slug, description, widget_count, created_at, updated_at)
                        values (:id, :tenant, :name, :slug, :description, :widgetCount, :createdAt, :updatedAt)
                        """)
                .bind("id", dashboard.id())
                .bind("tenant", dashboard.tenantId())
                .bind("name", dashboard.name())
                .bind("slug", dashboard.slug())
                .bind("description", Parameter.fromOrEmpty(dashboard.description(), String.class))
                .bind("widgetCount", dashboard.widgetCount())
                .bind("createdAt", dashboard.createdAt())
                .bind("updatedAt", dashboard.updatedAt())
                .then();
    }

    @Override
    public Mono<Void> widgetsReplaced(WidgetsReplaced change) {
        Mono<Void> deleteOld = database.sql("delete from widgets where dashboard_id = :dashboard")
                .bind("dashboard", change.dashboardId())
                .then();
        return change.widgets().isEmpty() ? deleteOld : deleteOld.then(insertWidgets(change.widgets()));
    }

    /**
     * All widgets of the list in one statement (arrays unnested side by side), not one round trip
     * per widget: a dashboard holds up to its license's limit of widgets.
     */
    private Mono<Void> insertWidgets(List<WidgetRow> widgets) {
        int count = widgets.size();
        UUID[] ids = new UUID[count];
        UUID[] tenants = new UUID[count];
        UUID[] dashboards = new UUID[count];
        String[] names = new String[count];
        String[] types = new String[count];
        String[] configs = new String[count];
        Integer[] xs = new Integer[count];
        Integer[] ys = new Integer[count];
        Integer[] widths = new Integer[count];
        Integer[] heights = new Integer[count];
        Integer[] orders = new Integer[count];
        for (int i = 0; i < count; i++) {
            WidgetRow widget = widgets.get(i);
            ids[i] = widget.id();
            tenants[i] = widget.tenantId();
            dashboards[i] = widget.dashboardId();
            names[i] = widget.name();
            types[i] = widget.widgetType();
            configs[i] = widget.config().text();
            xs[i] = widget.positionX();
            ys[i] = widget.positionY();
            widths[i] = widget.width();
            heights[i] = widget.height();
            orders[i] = widget.sortOrder();
        }
        // config was validated as a JSON object by the command side; jsonb rejects anything else.
        return database.sql("""
                        insert into widgets (id, tenant_id, dashboard_id, name, widget_type, config,
                                             position_x, position_y, width, height, sort_order)
                        select w.id, w.tenant, w.dashboard, w.name, w.type, w.config::jsonb,
                               w.x, w.y, w.width, w.height, w.sort_order
                          from unnest(:ids::uuid[], :tenants::uuid[], :dashboards::uuid[], :names::text[], :types::text[],
                                      :configs::text[], :xs::int[], :ys::int[], :widths::int[], :heights::int[],
                                      :orders::int[])
                               as w (id, tenant, dashboard, name, type, config, x, y, width, height, sort_order)
                        """)
                .bind("ids", ids)
                .bind("tenants", tenants)
                .bind("dashboards", dashboards)
                .bind("names", names)
                .bind("types", types)
                .bind("configs", configs)
                .bind("xs", xs)
                .bind("ys", ys)
                .bind("widths", widths)
                .bind("heights", heights)
                .bind("orders", orders)
                .then();
    }

    @Override
    public Mono<Void> dashboardWidgetCountSet(DashboardWidgetCountSet change) {
        return database.sql("update dashboards set widget_count = :count, updated_at = :at where id = :dashboard")
                .bind("count", change.widgetCount())
                .bind("at", change.updatedAt())
                .bind("dashboard", change.dashboardId())
                .then();
    }

    @Override
    public Mono<Void> versionInserted(VersionInserted change) {
        VersionRow version = change.version();
        return database.sql("""
                        insert into versions (id, tenant_id, version, status, message, created_by, created_at, published_at,
                                              metadata, parent_version, restored_from_version_id, restored_from_version)
                        values (:id, :tenant, :version, :status, :message, :createdBy, :createdAt, :publishedAt,
                                :metadata, :parent, :restoredFromId, :restoredFrom)
                        """)
                .bind("id", version.id())
                .bind("tenant", version.tenantId())
                .bind("version", version.version())
                .bind("status", version.status())
                .bind("message", Parameter.fromOrEmpty(version.message(), String.class))
                .bind("createdBy", version.createdBy())
                .bind("createdAt", version.createdAt())
                .bind("publishedAt", Parameter.fromOrEmpty(version.publishedAt(), Instant.class))
                .bind("metadata", Json.of(version.metadata().text()))
                .bind("parent", Parameter.fromOrEmpty(version.parentVersion(), Integer.class))
                .bind("restoredFromId", Parameter.fromOrEmpty(version.restoredFromVersionId(), UUID.class))
                .bind("restoredFrom", Parameter.fromOrEmpty(version.restoredFromVersion(), Integer.class))
                .then();
    }

    @Override
    public Mono<Void> versionMarkedPublished(VersionMarkedPublished change) {
        return database.sql("update versions set status = :status, published_at = :at where id = :id")
                .bind("status", VersionRow.PUBLISHED)
                .bind("at", change.publishedAt())
                .bind("id", change.versionId())
                .then();
    }

    @Override
    public Mono<Void> versionMarkedArchived(VersionMarkedArchived change) {
        return database.sql("update versions set status = :status where id = :id")
                .bind("status", VersionRow.ARCHIVED)
                .bind("id", change.versionId())
                .then();
    }

    @Override
    public Mono<Void> publishedVersionSet(PublishedVersionSet change) {
        PublishedVersionRow published = change.publishedVersion();
        return database.sql("""
                        insert into published_versions (tenant_id, version_id, version, published_at, sync_metadata)
                        values (:tenant, :versionId, :version, :at, :syncMetadata)
                        on conflict (tenant_id) do update
                           set version_id = excluded.version_id, version = excluded.version,
                               published_at = excluded.published_at, sync_metadata = excluded.sync_metadata
                        """)
                .bind("tenant", published.tenantId())
                .bind("versionId", published.versionId())
                .bind("version", published.version())
                .bind("at", published.publishedAt())
                .bind("syncMetadata", Json.of(published.syncMetadata().text()))
                .then();
    }

    @Override
    public Mono<Void> historyEntryAppended(HistoryEntryAppended change) {
        HistoryEntryRow entry = change.entry();
        return database.sql("""
                        insert into event_history (tenant_id, aggregate_sequence, event_id, occurred_at, event_type, actor,
                                                   correlation_id, dashboard_id, version, summary, envelope)
                        values (:tenant, :sequence, :eventId, :at, :type, :actor, :correlationId, :dashboard, :version,
                                :summary, :envelope)
                        """)
                .bind("tenant", entry.tenantId())
                .bind("sequence", entry.aggregateSequence())
                .bind("eventId", entry.eventId())
                .bind("at", entry.occurredAt())
                .bind("type", entry.eventType())
                .bind("actor", entry.actor())
                .bind("correlationId", entry.correlationId())
                .bind("dashboard", Parameter.fromOrEmpty(entry.dashboardId(), UUID.class))
                .bind("version", Parameter.fromOrEmpty(entry.version(), Integer.class))
                .bind("summary", entry.summary())
                .bind("envelope", EventCodec.instance().encode(entry.envelope()))
                .then();
    }
}
