package io.flexboard.projector.readmodel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flexboard.history.fold.ApiKeyRow;
import io.flexboard.history.fold.BatchChanges;
import io.flexboard.history.fold.BatchChanges.VersionStatusSet;
import io.flexboard.history.fold.DashboardRow;
import io.flexboard.history.fold.HistoryEntryRow;
import io.flexboard.history.fold.PublishedVersionRow;
import io.flexboard.history.fold.RowChange.ApiKeyRevoked;
import io.flexboard.history.fold.RowChange.DashboardWidgetCountSet;
import io.flexboard.history.fold.RowChange.TenantBrandingSet;
import io.flexboard.history.fold.RowChange.TenantStatusSet;
import io.flexboard.history.fold.RowChange.UserDisabled;
import io.flexboard.history.fold.RowChange.WidgetsReplaced;
import io.flexboard.history.fold.TenantRow;
import io.flexboard.history.fold.UserRow;
import io.flexboard.history.fold.VersionRow;
import io.flexboard.history.fold.WidgetRow;
import io.flexboard.projector.projection.RowArrays;
import io.flexboard.schemas.wire.EventCodec;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The read models' SQL: writes a batch's net row changes ({@link BatchChanges}) with one statement
 * per table and kind of change, all its rows bound as arrays ({@link RowArrays}), a table before
 * the tables referencing it. Every value a column gets is in the changes (the fold decided them;
 * nothing is decided here). An update of a row that is not there changes nothing.
 */
final class ReadModelWriter {

    /** jsonb is bound as text: the driver binds no jsonb arrays. */
    private static final String JSONB = "%s::jsonb";
    /** bytea is bound as base64 text: the driver binds no bytea arrays (and hex would be twice the size). */
    private static final String BYTEA = "decode(%s, 'base64')";

    private final DatabaseClient database;

    ReadModelWriter(DatabaseClient database) {
        this.database = database;
    }

    Mono<Void> write(BatchChanges changes) {
        return Flux.concat(
                        insertTenants(changes),
                        setTenantStatuses(changes),
                        setTenantBrandings(changes),
                        incrementDashboardCounts(changes),
                        insertApiKeys(changes),
                        revokeApiKeys(changes),
                        insertDashboards(changes),
                        setWidgetCounts(changes),
                        replaceWidgets(changes.widgetsReplaced()),
                        insertVersions(changes),
                        setVersionStatuses(changes),
                        setPublishedVersions(changes),
                        insertUsers(changes),
                        changeUsers(changes),
                        disableUsers(changes),
                        appendHistory(changes))
                .then();
    }

    private Mono<Long> insertTenants(BatchChanges changes) {
        RowArrays<TenantRow> rows = RowArrays.of(changes.tenantsInserted())
                .column("id", "uuid", UUID.class, TenantRow::id)
                .column("name", "text", String.class, TenantRow::name)
                .column("slug", "text", String.class, TenantRow::slug)
                .column("license_type", "text", String.class, TenantRow::licenseType)
                .column("max_dashboards", "int", Integer.class, TenantRow::maxDashboards)
                .column("max_widgets_per_dashboard", "int", Integer.class, TenantRow::maxWidgetsPerDashboard)
                .column("is_active", "boolean", Boolean.class, TenantRow::isActive)
                .column("paused_reason", "text", String.class, TenantRow::pausedReason)
                .column("dashboard_count", "int", Integer.class, TenantRow::dashboardCount)
                .column("created_at", "timestamptz", Instant.class, TenantRow::createdAt)
                .column("updated_at", "timestamptz", Instant.class, TenantRow::updatedAt)
                .column("branding", "text", String.class, tenant -> tenant.branding() == null ? null : tenant.branding().text(),
                        JSONB);
        return rows.execute(database, "insert into tenants (" + rows.names() + ") " + rows.select());
    }

    private Mono<Long> setTenantStatuses(BatchChanges changes) {
        RowArrays<TenantStatusSet> rows = RowArrays.of(changes.tenantStatuses())
                .column("id", "uuid", UUID.class, TenantStatusSet::tenantId)
                .column("is_active", "boolean", Boolean.class, TenantStatusSet::active)
                .column("paused_reason", "text", String.class, TenantStatusSet::pausedReason)
                .column("updated_at", "timestamptz", Instant.class, TenantStatusSet::updatedAt);
        return rows.execute(database, """
                update tenants t set is_active = s.is_active, paused_reason = s.paused_reason, updated_at = s.updated_at
                  from (%s) s where t.id = s.id""".formatted(rows.select()));
    }

    /** A null branding clears it. */
    private Mono<Long> setTenantBrandings(BatchChanges changes) {
        RowArrays<TenantBrandingSet> rows = RowArrays.of(changes.tenantBrandings())
                .column("id", "uuid", UUID.class, TenantBrandingSet::tenantId)
                .column("branding", "text", String.class, set -> set.branding() == null ? null : set.branding().text(), JSONB)
                .column("updated_at", "timestamptz", Instant.class, TenantBrandingSet::updatedAt);
        return rows.execute(database, """
                update tenants t set branding = s.branding, updated_at = s.updated_at from (%s) s where t.id = s.id"""
                .formatted(rows.select()));
    }

    /** A derived counter: {@code updated_at} stays. */
    private Mono<Long> incrementDashboardCounts(BatchChanges changes) {
        RowArrays<Map.Entry<UUID, Integer>> rows = RowArrays.of(changes.dashboardCountIncrements().entrySet())
                .column("id", "uuid", UUID.class, Map.Entry::getKey)
                .column("added", "int", Integer.class, Map.Entry::getValue);
        return rows.execute(database, """
                update tenants t set dashboard_count = t.dashboard_count + s.added from (%s) s where t.id = s.id"""
                .formatted(rows.select()));
    }

    private Mono<Long> insertApiKeys(BatchChanges changes) {
        RowArrays<ApiKeyRow> rows = RowArrays.of(changes.apiKeysInserted())
                .column("key_id", "uuid", UUID.class, ApiKeyRow::keyId)
                .column("tenant_id", "uuid", UUID.class, ApiKeyRow::tenantId)
                .column("key_hash", "text", String.class, ApiKeyRow::keyHash)
                .column("key_prefix", "text", String.class, ApiKeyRow::keyPrefix)
                .column("created_at", "timestamptz", Instant.class, ApiKeyRow::createdAt)
                .column("name", "text", String.class, ApiKeyRow::name)
                .column("created_by", "text", String.class, ApiKeyRow::createdBy)
                .column("revoked_at", "timestamptz", Instant.class, ApiKeyRow::revokedAt);
        return rows.execute(database, "insert into api_keys (" + rows.names() + ") " + rows.select());
    }

    /** A key revoked before keeps its first revocation time. */
    private Mono<Long> revokeApiKeys(BatchChanges changes) {
        RowArrays<ApiKeyRevoked> rows = RowArrays.of(changes.apiKeysRevoked())
                .column("key_id", "uuid", UUID.class, ApiKeyRevoked::keyId)
                .column("revoked_at", "timestamptz", Instant.class, ApiKeyRevoked::revokedAt);
        return rows.execute(database, """
                update api_keys k set revoked_at = s.revoked_at from (%s) s where k.key_id = s.key_id and k.revoked_at is null"""
                .formatted(rows.select()));
    }

    private Mono<Long> insertDashboards(BatchChanges changes) {
        RowArrays<DashboardRow> rows = RowArrays.of(changes.dashboardsInserted())
                .column("id", "uuid", UUID.class, DashboardRow::id)
                .column("tenant_id", "uuid", UUID.class, DashboardRow::tenantId)
                .column("name", "text", String.class, DashboardRow::name)
                .column("slug", "text", String.class, DashboardRow::slug)
                .column("description", "text", String.class, DashboardRow::description)
                .column("widget_count", "int", Integer.class, DashboardRow::widgetCount)
                .column("created_at", "timestamptz", Instant.class, DashboardRow::createdAt)
                .column("updated_at", "timestamptz", Instant.class, DashboardRow::updatedAt);
        return rows.execute(database, "insert into dashboards (" + rows.names() + ") " + rows.select());
    }

    private Mono<Long> setWidgetCounts(BatchChanges changes) {
        RowArrays<DashboardWidgetCountSet> rows = RowArrays.of(changes.dashboardWidgetCounts())
                .column("id", "uuid", UUID.class, DashboardWidgetCountSet::dashboardId)
                .column("widget_count", "int", Integer.class, DashboardWidgetCountSet::widgetCount)
                .column("updated_at", "timestamptz", Instant.class, DashboardWidgetCountSet::updatedAt);
        return rows.execute(database, """
                update dashboards d set widget_count = s.widget_count, updated_at = s.updated_at from (%s) s where d.id = s.id"""
                .formatted(rows.select()));
    }

    /**
     * Gives every dashboard the batch replaced widgets on its last list: deletes its widgets that the
     * list no longer holds under the same name, then upserts the list, writing only rows that
     * differ. The typical edit (one widget's query or position of a dashboard's six) so updates one
     * row in place instead of rewriting the dashboard's. Renamed widgets are deleted and inserted
     * again rather than updated: a batch may pass a name from one widget to another, and an update
     * would meet the name's old owner still holding it (the unique name is checked row by row).
     * Every statement is keyed by tenant (the primary key is tenant and id): whatever ids an event
     * carries, it never touches another tenant's rows.
     */
    private Mono<Long> replaceWidgets(Map<UUID, WidgetsReplaced> replaced) {
        if (replaced.isEmpty()) {
            return Mono.just(0L);
        }
        List<WidgetRow> widgets = new ArrayList<>();
        replaced.values().forEach(change -> widgets.addAll(change.widgets()));
        // config was validated as a JSON object by the command side; jsonb rejects anything else.
        RowArrays<WidgetRow> rows = RowArrays.of(widgets)
                .column("id", "uuid", UUID.class, WidgetRow::id)
                .column("tenant_id", "uuid", UUID.class, WidgetRow::tenantId)
                .column("dashboard_id", "uuid", UUID.class, WidgetRow::dashboardId)
                .column("name", "text", String.class, WidgetRow::name)
                .column("widget_type", "text", String.class, WidgetRow::widgetType)
                .column("config", "text", String.class, widget -> widget.config().text(), JSONB)
                .column("position_x", "int", Integer.class, WidgetRow::positionX)
                .column("position_y", "int", Integer.class, WidgetRow::positionY)
                .column("width", "int", Integer.class, WidgetRow::width)
                .column("height", "int", Integer.class, WidgetRow::height)
                .column("sort_order", "int", Integer.class, WidgetRow::sortOrder);
        List<String> updated = rows.columnNames().stream()
                .filter(column -> !column.equals("id") && !column.equals("tenant_id")).toList();
        // Only tenants, ids and names decide what goes: the rest of the rows (configurations) is sent once, with the upsert.
        RowArrays<WidgetRow> kept = RowArrays.of(widgets)
                .column("tenant_id", "uuid", UUID.class, WidgetRow::tenantId)
                .column("id", "uuid", UUID.class, WidgetRow::id)
                .column("name", "text", String.class, WidgetRow::name);
        Mono<Long> deleteGone = kept.boundTo(database, """
                        delete from widgets w
                         where (w.tenant_id, w.dashboard_id) in (select * from unnest(:tenants::uuid[], :dashboards::uuid[]))
                           and not exists (select 1 from (%s) l
                                            where l.tenant_id = w.tenant_id and l.id = w.id and l.name = w.name)"""
                        .formatted(kept.select()))
                .bind("tenants", replaced.values().stream().map(WidgetsReplaced::tenantId).toArray(UUID[]::new))
                .bind("dashboards", replaced.keySet().toArray(UUID[]::new))
                .fetch().rowsUpdated();
        return deleteGone.then(rows.execute(database, """
                insert into widgets (%s) %s
                on conflict (tenant_id, id) do update set (%s) = (%s)
                 where (%s) is distinct from (%s)""".formatted(rows.names(), rows.select(),
                String.join(", ", updated), prefixed("excluded", updated),
                prefixed("widgets", updated), prefixed("excluded", updated))));
    }

    private static String prefixed(String table, List<String> columns) {
        return String.join(", ", columns.stream().map(column -> table + "." + column).toList());
    }

    private Mono<Long> insertVersions(BatchChanges changes) {
        RowArrays<VersionRow> rows = RowArrays.of(changes.versionsInserted())
                .column("id", "uuid", UUID.class, VersionRow::id)
                .column("tenant_id", "uuid", UUID.class, VersionRow::tenantId)
                .column("version", "int", Integer.class, VersionRow::version)
                .column("status", "text", String.class, VersionRow::status)
                .column("message", "text", String.class, VersionRow::message)
                .column("created_by", "text", String.class, VersionRow::createdBy)
                .column("created_at", "timestamptz", Instant.class, VersionRow::createdAt)
                .column("published_at", "timestamptz", Instant.class, VersionRow::publishedAt)
                .column("metadata", "text", String.class, version -> version.metadata().text(), JSONB)
                .column("parent_version", "int", Integer.class, VersionRow::parentVersion)
                .column("restored_from_version_id", "uuid", UUID.class, VersionRow::restoredFromVersionId)
                .column("restored_from_version", "int", Integer.class, VersionRow::restoredFromVersion);
        return rows.execute(database, "insert into versions (" + rows.names() + ") " + rows.select());
    }

    /** Published or archived; archiving keeps {@code published_at} (null here: the stored one stays). */
    private Mono<Long> setVersionStatuses(BatchChanges changes) {
        RowArrays<VersionStatusSet> rows = RowArrays.of(changes.versionStatuses())
                .column("id", "uuid", UUID.class, VersionStatusSet::versionId)
                .column("status", "text", String.class, VersionStatusSet::status)
                .column("published_at", "timestamptz", Instant.class, VersionStatusSet::publishedAt);
        return rows.execute(database, """
                update versions v set status = s.status, published_at = coalesce(s.published_at, v.published_at)
                  from (%s) s where v.id = s.id""".formatted(rows.select()));
    }

    private Mono<Long> setPublishedVersions(BatchChanges changes) {
        RowArrays<PublishedVersionRow> rows = RowArrays.of(changes.publishedVersions())
                .column("tenant_id", "uuid", UUID.class, PublishedVersionRow::tenantId)
                .column("version_id", "uuid", UUID.class, PublishedVersionRow::versionId)
                .column("version", "int", Integer.class, PublishedVersionRow::version)
                .column("published_at", "timestamptz", Instant.class, PublishedVersionRow::publishedAt)
                .column("published_configuration", "text", String.class, published -> published.publishedConfiguration().text(), JSONB);
        return rows.execute(database, """
                insert into published_versions (%s) %s
                on conflict (tenant_id) do update
                   set version_id = excluded.version_id, version = excluded.version,
                       published_at = excluded.published_at, published_configuration = excluded.published_configuration"""
                .formatted(rows.names(), rows.select()));
    }

    /** A uuid[] is bound as its text form: the driver binds no arrays of arrays. */
    private static final String UUID_ARRAY = "%s::uuid[]";

    private static String uuidArray(List<UUID> ids) {
        return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
    }

    private Mono<Long> insertUsers(BatchChanges changes) {
        RowArrays<UserRow> rows = RowArrays.of(changes.usersInserted())
                .column("id", "uuid", UUID.class, UserRow::id)
                .column("email", "text", String.class, UserRow::email)
                .column("name", "text", String.class, UserRow::name)
                .column("role", "text", String.class, UserRow::role)
                .column("tenant_ids", "text", String.class, user -> uuidArray(user.tenantIds()), UUID_ARRAY)
                .column("is_active", "boolean", Boolean.class, UserRow::isActive)
                .column("created_at", "timestamptz", Instant.class, UserRow::createdAt)
                .column("updated_at", "timestamptz", Instant.class, UserRow::updatedAt);
        return rows.execute(database, "insert into users (" + rows.names() + ") " + rows.select());
    }

    private Mono<Long> changeUsers(BatchChanges changes) {
        RowArrays<UserRow> rows = RowArrays.of(changes.usersChanged())
                .column("id", "uuid", UUID.class, UserRow::id)
                .column("email", "text", String.class, UserRow::email)
                .column("name", "text", String.class, UserRow::name)
                .column("role", "text", String.class, UserRow::role)
                .column("tenant_ids", "text", String.class, user -> uuidArray(user.tenantIds()), UUID_ARRAY)
                .column("updated_at", "timestamptz", Instant.class, UserRow::updatedAt);
        return rows.execute(database, """
                update users u set email = s.email, name = s.name, role = s.role, tenant_ids = s.tenant_ids,
                       updated_at = s.updated_at
                  from (%s) s where u.id = s.id""".formatted(rows.select()));
    }

    private Mono<Long> disableUsers(BatchChanges changes) {
        RowArrays<UserDisabled> rows = RowArrays.of(changes.usersDisabled())
                .column("id", "uuid", UUID.class, UserDisabled::userId)
                .column("updated_at", "timestamptz", Instant.class, UserDisabled::updatedAt);
        return rows.execute(database, """
                update users u set is_active = false, updated_at = s.updated_at from (%s) s where u.id = s.id"""
                .formatted(rows.select()));
    }

    private Mono<Long> appendHistory(BatchChanges changes) {
        Base64.Encoder base64 = Base64.getEncoder();
        RowArrays<HistoryEntryRow> rows = RowArrays.of(changes.historyEntries())
                .column("tenant_id", "uuid", UUID.class, HistoryEntryRow::tenantId)
                .column("aggregate_sequence", "bigint", Long.class, HistoryEntryRow::aggregateSequence)
                .column("event_id", "text", String.class, HistoryEntryRow::eventId)
                .column("occurred_at", "timestamptz", Instant.class, HistoryEntryRow::occurredAt)
                .column("event_type", "text", String.class, HistoryEntryRow::eventType)
                .column("actor", "text", String.class, HistoryEntryRow::actor)
                .column("correlation_id", "text", String.class, HistoryEntryRow::correlationId)
                .column("dashboard_id", "uuid", UUID.class, HistoryEntryRow::dashboardId)
                .column("version", "int", Integer.class, HistoryEntryRow::version)
                .column("summary", "text", String.class, HistoryEntryRow::summary)
                .column("envelope", "text", String.class,
                        entry -> base64.encodeToString(EventCodec.instance().encode(entry.envelope())), BYTEA);
        return rows.execute(database, "insert into event_history (" + rows.names() + ") " + rows.select());
    }
}
