package io.flexboard.projector.readmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flexboard.history.fold.BatchChanges;
import io.flexboard.history.fold.BatchChanges.VersionStatusSet;
import io.flexboard.history.fold.RowChange.DashboardWidgetCountSet;
import io.flexboard.history.fold.RowChange.TenantStatusSet;
import io.flexboard.history.fold.WidgetRow;
import io.flexboard.projector.projection.StatementBatch;
import io.flexboard.schemas.wire.EventCodec;
import io.r2dbc.postgresql.codec.Json;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The read models' SQL: writes a batch's net row changes ({@link BatchChanges}) with one statement
 * per table and kind of change, each executed for all its rows at once ({@link StatementBatch}),
 * a table before the tables referencing it. Every value a column gets is in the changes (the fold
 * decided them; nothing is decided here).
 */
final class ReadModelWriter {

    private final DatabaseClient database;

    ReadModelWriter(DatabaseClient database) {
        this.database = database;
    }

    Mono<Void> write(BatchChanges changes) {
        return Flux.concat(
                        insertTenants(changes),
                        setTenantStatuses(changes),
                        incrementDashboardCounts(changes),
                        insertApiKeys(changes),
                        insertDashboards(changes),
                        setWidgetCounts(changes),
                        replaceWidgets(changes.widgetsReplaced()),
                        insertVersions(changes),
                        setVersionStatuses(changes),
                        setPublishedVersions(changes),
                        appendHistory(changes))
                .then();
    }

    private Mono<Long> insertTenants(BatchChanges changes) {
        return StatementBatch.execute(database, """
                insert into tenants (id, name, slug, license_type, max_dashboards, max_widgets_per_dashboard,
                                     is_active, paused_reason, dashboard_count, created_at, updated_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                """, changes.tenantsInserted(), (tenant, row) -> row
                .bind(0, tenant.id())
                .bind(1, tenant.name())
                .bind(2, tenant.slug())
                .bind(3, tenant.licenseType())
                .bind(4, tenant.maxDashboards())
                .bind(5, tenant.maxWidgetsPerDashboard())
                .bind(6, tenant.isActive())
                .bindNullable(7, tenant.pausedReason(), String.class)
                .bind(8, tenant.dashboardCount())
                .bind(9, tenant.createdAt())
                .bind(10, tenant.updatedAt()));
    }

    /** An update of a tenant that is not there changes nothing, as for every update here. */
    private Mono<Long> setTenantStatuses(BatchChanges changes) {
        return StatementBatch.execute(database, "update tenants set is_active = $1, paused_reason = $2, updated_at = $3 where id = $4",
                changes.tenantStatuses(), (TenantStatusSet status, StatementBatch.Bindings row) -> row
                        .bind(0, status.active())
                        .bindNullable(1, status.pausedReason(), String.class)
                        .bind(2, status.updatedAt())
                        .bind(3, status.tenantId()));
    }

    /** A derived counter: {@code updated_at} stays. */
    private Mono<Long> incrementDashboardCounts(BatchChanges changes) {
        return StatementBatch.execute(database, "update tenants set dashboard_count = dashboard_count + $1 where id = $2",
                changes.dashboardCountIncrements().entrySet(), (Map.Entry<UUID, Integer> increment, StatementBatch.Bindings row) -> row
                        .bind(0, increment.getValue())
                        .bind(1, increment.getKey()));
    }

    private Mono<Long> insertApiKeys(BatchChanges changes) {
        return StatementBatch.execute(database, """
                insert into api_keys (key_id, tenant_id, key_hash, key_prefix, created_at)
                values ($1, $2, $3, $4, $5)
                """, changes.apiKeysInserted(), (key, row) -> row
                .bind(0, key.keyId())
                .bind(1, key.tenantId())
                .bind(2, key.keyHash())
                .bind(3, key.keyPrefix())
                .bind(4, key.createdAt()));
    }

    private Mono<Long> insertDashboards(BatchChanges changes) {
        return StatementBatch.execute(database, """
                insert into dashboards (id, tenant_id, name, slug, description, widget_count, created_at, updated_at)
                values ($1, $2, $3, $4, $5, $6, $7, $8)
                """, changes.dashboardsInserted(), (dashboard, row) -> row
                .bind(0, dashboard.id())
                .bind(1, dashboard.tenantId())
                .bind(2, dashboard.name())
                .bind(3, dashboard.slug())
                .bindNullable(4, dashboard.description(), String.class)
                .bind(5, dashboard.widgetCount())
                .bind(6, dashboard.createdAt())
                .bind(7, dashboard.updatedAt()));
    }

    private Mono<Long> setWidgetCounts(BatchChanges changes) {
        return StatementBatch.execute(database, "update dashboards set widget_count = $1, updated_at = $2 where id = $3",
                changes.dashboardWidgetCounts(), (DashboardWidgetCountSet count, StatementBatch.Bindings row) -> row
                        .bind(0, count.widgetCount())
                        .bind(1, count.updatedAt())
                        .bind(2, count.dashboardId()));
    }

    /**
     * Deletes the widgets of every dashboard the batch replaced them on, then inserts all their last
     * lists: first all deletes, so a widget the batch moved between two dashboards is never in both.
     */
    private Mono<Long> replaceWidgets(Map<UUID, List<WidgetRow>> replaced) {
        if (replaced.isEmpty()) {
            return Mono.just(0L);
        }
        List<WidgetRow> widgets = new ArrayList<>();
        replaced.values().forEach(widgets::addAll);
        Mono<Long> deleteOld = database.sql("delete from widgets where dashboard_id = any(:dashboards)")
                .bind("dashboards", replaced.keySet().toArray(UUID[]::new))
                .fetch().rowsUpdated();
        return widgets.isEmpty() ? deleteOld : deleteOld.then(insertWidgets(widgets));
    }

    /** All widgets in one statement (arrays unnested side by side): a batch replaces thousands of them. */
    private Mono<Long> insertWidgets(List<WidgetRow> widgets) {
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
                .fetch().rowsUpdated();
    }

    private Mono<Long> insertVersions(BatchChanges changes) {
        return StatementBatch.execute(database, """
                insert into versions (id, tenant_id, version, status, message, created_by, created_at, published_at,
                                      metadata, parent_version, restored_from_version_id, restored_from_version)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                """, changes.versionsInserted(), (version, row) -> row
                .bind(0, version.id())
                .bind(1, version.tenantId())
                .bind(2, version.version())
                .bind(3, version.status())
                .bindNullable(4, version.message(), String.class)
                .bind(5, version.createdBy())
                .bind(6, version.createdAt())
                .bindNullable(7, version.publishedAt(), Instant.class)
                .bind(8, Json.of(version.metadata().text()))
                .bindNullable(9, version.parentVersion(), Integer.class)
                .bindNullable(10, version.restoredFromVersionId(), UUID.class)
                .bindNullable(11, version.restoredFromVersion(), Integer.class));
    }

    /** Published or archived; archiving keeps {@code published_at} (null here: the stored one stays). */
    private Mono<Long> setVersionStatuses(BatchChanges changes) {
        return StatementBatch.execute(database, """
                update versions set status = $1, published_at = coalesce($2, published_at) where id = $3
                """, changes.versionStatuses(), (VersionStatusSet status, StatementBatch.Bindings row) -> row
                .bind(0, status.status())
                .bindNullable(1, status.publishedAt(), Instant.class)
                .bind(2, status.versionId()));
    }

    private Mono<Long> setPublishedVersions(BatchChanges changes) {
        return StatementBatch.execute(database, """
                insert into published_versions (tenant_id, version_id, version, published_at, sync_metadata)
                values ($1, $2, $3, $4, $5)
                on conflict (tenant_id) do update
                   set version_id = excluded.version_id, version = excluded.version,
                       published_at = excluded.published_at, sync_metadata = excluded.sync_metadata
                """, changes.publishedVersions(), (published, row) -> row
                .bind(0, published.tenantId())
                .bind(1, published.versionId())
                .bind(2, published.version())
                .bind(3, published.publishedAt())
                .bind(4, Json.of(published.syncMetadata().text())));
    }

    private Mono<Long> appendHistory(BatchChanges changes) {
        return StatementBatch.execute(database, """
                insert into event_history (tenant_id, aggregate_sequence, event_id, occurred_at, event_type, actor,
                                           correlation_id, dashboard_id, version, summary, envelope)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                """, changes.historyEntries(), (entry, row) -> row
                .bind(0, entry.tenantId())
                .bind(1, entry.aggregateSequence())
                .bind(2, entry.eventId())
                .bind(3, entry.occurredAt())
                .bind(4, entry.eventType())
                .bind(5, entry.actor())
                .bind(6, entry.correlationId())
                .bindNullable(7, entry.dashboardId(), UUID.class)
                .bindNullable(8, entry.version(), Integer.class)
                .bind(9, entry.summary())
                .bind(10, EventCodec.instance().encode(entry.envelope())));
    }
}
