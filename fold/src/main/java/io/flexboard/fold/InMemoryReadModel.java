package io.flexboard.fold;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import io.flexboard.fold.RowChange.ApiKeyInserted;
import io.flexboard.fold.RowChange.ApiKeyRevoked;
import io.flexboard.fold.RowChange.DashboardInserted;
import io.flexboard.fold.RowChange.DashboardWidgetCountSet;
import io.flexboard.fold.RowChange.HistoryEntryAppended;
import io.flexboard.fold.RowChange.PublishedVersionSet;
import io.flexboard.fold.RowChange.TenantDashboardCountIncremented;
import io.flexboard.fold.RowChange.TenantInserted;
import io.flexboard.fold.RowChange.TenantBrandingSet;
import io.flexboard.fold.RowChange.TenantStatusSet;
import io.flexboard.fold.RowChange.UserChanged;
import io.flexboard.fold.RowChange.UserDisabled;
import io.flexboard.fold.RowChange.UserInserted;
import io.flexboard.fold.RowChange.VersionInserted;
import io.flexboard.fold.RowChange.VersionMarkedArchived;
import io.flexboard.fold.RowChange.VersionMarkedPublished;
import io.flexboard.fold.RowChange.WidgetsReplaced;
import io.flexboard.schemas.EventEnvelope;

/**
 * The read models in memory, filled by {@link ReadModelFold} with exactly the semantics of the
 * projector's SQL: an update of a missing row changes nothing; what a primary key, foreign key or
 * unique constraint of the migrations would refuse throws {@link IllegalStateException}; events
 * follow {@code tenant_positions}' rule (an event at or below its tenant's position is skipped, one
 * beyond the next is a gap and refused). Not thread-safe: one fold, one thread.
 */
public final class InMemoryReadModel implements ReadModelView {

    private static final Comparator<DashboardRow> DASHBOARD_ORDER = Comparator
            .comparing(DashboardRow::createdAt).thenComparing(DashboardRow::id, PostgresOrder.UUIDS);
    private static final long NOTHING_APPLIED = -1L;

    private final boolean keepsHistory;
    private final Map<UUID, Long> positions;
    private final Map<UUID, TenantRow> tenants;
    private final Map<String, UUID> tenantSlugs;
    private final Map<UUID, ApiKeyRow> apiKeys;
    private final Map<String, UUID> apiKeyHashes;
    private final Map<UUID, DashboardRow> dashboards;
    private final Map<UUID, List<WidgetRow>> widgetsByDashboard;
    /** By tenant and id, as the table's primary key: one tenant's events never reach another's widgets. */
    private final Map<WidgetKey, WidgetRow> widgets;
    private final Map<TenantKey, UUID> widgetNames;
    private final Map<UUID, VersionRow> versions;
    private final Map<TenantKey, UUID> versionNumbers;
    private final Map<UUID, PublishedVersionRow> publishedVersions;
    private final Map<UUID, TreeMap<Long, HistoryEntryRow>> history;
    private final Map<UUID, UserRow> users;
    private final Writer writer = new Writer();

    /** Every read model the fold writes, the audit trail included. */
    public InMemoryReadModel() {
        this(true);
    }

    private InMemoryReadModel(boolean keepsHistory) {
        this.keepsHistory = keepsHistory;
        positions = new HashMap<>();
        tenants = new LinkedHashMap<>();
        tenantSlugs = new HashMap<>();
        apiKeys = new LinkedHashMap<>();
        apiKeyHashes = new HashMap<>();
        dashboards = new LinkedHashMap<>();
        widgetsByDashboard = new HashMap<>();
        widgets = new HashMap<>();
        widgetNames = new HashMap<>();
        versions = new LinkedHashMap<>();
        versionNumbers = new HashMap<>();
        publishedVersions = new LinkedHashMap<>();
        history = new HashMap<>();
        users = new LinkedHashMap<>();
    }

    private InMemoryReadModel(InMemoryReadModel source) {
        keepsHistory = source.keepsHistory;
        positions = new HashMap<>(source.positions);
        tenants = new LinkedHashMap<>(source.tenants);
        tenantSlugs = new HashMap<>(source.tenantSlugs);
        apiKeys = new LinkedHashMap<>(source.apiKeys);
        apiKeyHashes = new HashMap<>(source.apiKeyHashes);
        dashboards = new LinkedHashMap<>(source.dashboards);
        widgetsByDashboard = new HashMap<>(source.widgetsByDashboard);
        widgets = new HashMap<>(source.widgets);
        widgetNames = new HashMap<>(source.widgetNames);
        versions = new LinkedHashMap<>(source.versions);
        versionNumbers = new HashMap<>(source.versionNumbers);
        publishedVersions = new LinkedHashMap<>(source.publishedVersions);
        history = new HashMap<>();
        source.history.forEach((tenant, entries) -> history.put(tenant, new TreeMap<>(entries)));
        users = new LinkedHashMap<>(source.users);
    }

    /**
     * Every read model except {@code event_history}: for folding a tenant's own history (query-api's
     * state at a moment), where the audit trail would only keep every decoded event alive.
     */
    public static InMemoryReadModel withoutEventHistory() {
        return new InMemoryReadModel(false);
    }

    /** An independent copy of the tables as they are now (rows are immutable, so this is cheap). */
    public InMemoryReadModel copy() {
        return new InMemoryReadModel(this);
    }

    /**
     * Folds the event and applies its changes, unless it is a duplicate.
     *
     * @return whether it was applied (false: at or below its tenant's position)
     * @throws IllegalStateException on a gap in the tenant's sequence, or when a change breaks a constraint
     */
    public boolean apply(EventEnvelope event) {
        UUID tenantId = UUID.fromString(event.getTenantId());
        long position = positions.getOrDefault(tenantId, NOTHING_APPLIED);
        long sequence = event.getAggregateSequence();
        if (sequence <= position) {
            return false;
        }
        if (sequence > position + 1) {
            throw new IllegalStateException("Sequence gap for tenant " + tenantId + ": applied up to " + position
                    + ", received " + sequence);
        }
        ReadModelFold.fold(event, this).forEach(this::apply);
        positions.put(tenantId, sequence);
        return true;
    }

    /** Applies one change as the projector's SQL writer would. */
    public void apply(RowChange change) {
        change.applyTo(writer);
    }

    /** The aggregate sequence of the tenant's last applied event; -1 before its first. */
    public long position(UUID tenantId) {
        return positions.getOrDefault(tenantId, NOTHING_APPLIED);
    }

    public Optional<TenantRow> tenant(UUID tenantId) {
        return Optional.ofNullable(tenants.get(tenantId));
    }

    public List<TenantRow> tenants() {
        return List.copyOf(tenants.values());
    }

    /** The tenant's API keys in the order they were issued. */
    public List<ApiKeyRow> apiKeys(UUID tenantId) {
        return apiKeys.values().stream().filter(key -> key.tenantId().equals(tenantId)).toList();
    }

    /** The tenant's dashboards by {@code created_at, id}, as query-api lists them. */
    public List<DashboardRow> dashboards(UUID tenantId) {
        return dashboards.values().stream().filter(d -> d.tenantId().equals(tenantId)).sorted(DASHBOARD_ORDER).toList();
    }

    @Override
    public Optional<DashboardRow> dashboard(UUID dashboardId) {
        return Optional.ofNullable(dashboards.get(dashboardId));
    }

    /** The dashboard's widgets by {@code sort_order}. */
    public List<WidgetRow> widgets(UUID dashboardId) {
        return widgetsByDashboard.getOrDefault(dashboardId, List.of());
    }

    /** The tenant's versions by version number. */
    public List<VersionRow> versions(UUID tenantId) {
        return versions.values().stream().filter(v -> v.tenantId().equals(tenantId))
                .sorted(Comparator.comparingInt(VersionRow::version)).toList();
    }

    @Override
    public Optional<VersionRow> version(UUID versionId) {
        return Optional.ofNullable(versions.get(versionId));
    }

    public Optional<PublishedVersionRow> publishedVersion(UUID tenantId) {
        return Optional.ofNullable(publishedVersions.get(tenantId));
    }

    /** The tenant's audit trail by sequence; always empty {@link #withoutEventHistory() without it}. */
    public List<HistoryEntryRow> history(UUID tenantId) {
        TreeMap<Long, HistoryEntryRow> entries = history.get(tenantId);
        return entries == null ? List.of() : List.copyOf(entries.values());
    }

    /** Every user, in creation order. */
    public List<UserRow> users() {
        return List.copyOf(users.values());
    }

    /** Each change's SQL, in memory. */
    private final class Writer implements RowChange.Handler<Void> {

        @Override
        public Void tenantInserted(TenantInserted change) {
            TenantRow tenant = change.tenant();
            unique(tenants.containsKey(tenant.id()), "tenants_pkey", tenant.id());
            unique(tenantSlugs.containsKey(tenant.slug()), "tenants_slug_key", tenant.slug());
            tenants.put(tenant.id(), tenant);
            tenantSlugs.put(tenant.slug(), tenant.id());
            return null;
        }

        @Override
        public Void tenantStatusSet(TenantStatusSet change) {
            tenants.computeIfPresent(change.tenantId(),
                    (id, tenant) -> tenant.withStatus(change.status(), change.pausedReason(), change.updatedAt()));
            return null;
        }

        @Override
        public Void tenantBrandingSet(TenantBrandingSet change) {
            tenants.computeIfPresent(change.tenantId(),
                    (id, tenant) -> tenant.withBranding(change.branding(), change.updatedAt()));
            return null;
        }

        @Override
        public Void tenantDashboardCountIncremented(TenantDashboardCountIncremented change) {
            tenants.computeIfPresent(change.tenantId(), (id, tenant) -> tenant.withOneMoreDashboard());
            return null;
        }

        @Override
        public Void apiKeyInserted(ApiKeyInserted change) {
            ApiKeyRow key = change.apiKey();
            unique(apiKeys.containsKey(key.keyId()), "api_keys_pkey", key.keyId());
            unique(apiKeyHashes.containsKey(key.keyHash()), "api_keys_key_hash_key", key.keyPrefix());
            referenced(tenants.containsKey(key.tenantId()), "api_keys", "tenants", key.tenantId());
            apiKeys.put(key.keyId(), key);
            apiKeyHashes.put(key.keyHash(), key.keyId());
            return null;
        }

        @Override
        public Void apiKeyRevoked(ApiKeyRevoked change) {
            apiKeys.computeIfPresent(change.keyId(),
                    (id, key) -> key.revokedAt() == null ? key.revoked(change.revokedAt()) : key);
            return null;
        }

        @Override
        public Void dashboardInserted(DashboardInserted change) {
            DashboardRow dashboard = change.dashboard();
            unique(dashboards.containsKey(dashboard.id()), "dashboards_pkey", dashboard.id());
            referenced(tenants.containsKey(dashboard.tenantId()), "dashboards", "tenants", dashboard.tenantId());
            unique(dashboards.values().stream().anyMatch(d -> d.tenantId().equals(dashboard.tenantId())
                    && d.slug().equals(dashboard.slug())), "dashboards_tenant_id_slug_key", dashboard.slug());
            dashboards.put(dashboard.id(), dashboard);
            return null;
        }

        @Override
        public Void widgetsReplaced(WidgetsReplaced change) {
            for (WidgetRow old : widgetsByDashboard.getOrDefault(change.dashboardId(), List.of())) {
                widgets.remove(new WidgetKey(old.tenantId(), old.id()));
                widgetNames.remove(new TenantKey(old.tenantId(), old.name()));
            }
            widgetsByDashboard.remove(change.dashboardId());
            for (WidgetRow widget : change.widgets()) {
                WidgetKey key = new WidgetKey(widget.tenantId(), widget.id());
                unique(widgets.containsKey(key), "widgets_pkey", widget.id());
                referenced(tenants.containsKey(widget.tenantId()), "widgets", "tenants", widget.tenantId());
                referenced(dashboards.containsKey(widget.dashboardId()), "widgets", "dashboards", widget.dashboardId());
                TenantKey name = new TenantKey(widget.tenantId(), widget.name());
                unique(widgetNames.containsKey(name), "widgets_tenant_id_name_key", widget.name());
                widgets.put(key, widget);
                widgetNames.put(name, widget.id());
            }
            if (!change.widgets().isEmpty()) {
                // In sort_order already: the fold numbers them by their index in the list.
                widgetsByDashboard.put(change.dashboardId(), change.widgets());
            }
            return null;
        }

        @Override
        public Void dashboardWidgetCountSet(DashboardWidgetCountSet change) {
            dashboards.computeIfPresent(change.dashboardId(),
                    (id, dashboard) -> dashboard.withWidgetCount(change.widgetCount(), change.updatedAt()));
            return null;
        }

        @Override
        public Void versionInserted(VersionInserted change) {
            VersionRow version = change.version();
            unique(versions.containsKey(version.id()), "versions_pkey", version.id());
            referenced(tenants.containsKey(version.tenantId()), "versions", "tenants", version.tenantId());
            TenantKey number = new TenantKey(version.tenantId(), Integer.toString(version.version()));
            unique(versionNumbers.containsKey(number), "versions_tenant_id_version_key", version.version());
            versions.put(version.id(), version);
            versionNumbers.put(number, version.id());
            return null;
        }

        @Override
        public Void versionMarkedPublished(VersionMarkedPublished change) {
            versions.computeIfPresent(change.versionId(), (id, version) -> version.published(change.publishedAt()));
            return null;
        }

        @Override
        public Void versionMarkedArchived(VersionMarkedArchived change) {
            versions.computeIfPresent(change.versionId(), (id, version) -> version.archived());
            return null;
        }

        @Override
        public Void publishedVersionSet(PublishedVersionSet change) {
            PublishedVersionRow published = change.publishedVersion();
            referenced(tenants.containsKey(published.tenantId()), "published_versions", "tenants", published.tenantId());
            referenced(versions.containsKey(published.versionId()), "published_versions", "versions", published.versionId());
            publishedVersions.put(published.tenantId(), published);
            return null;
        }

        @Override
        public Void userInserted(UserInserted change) {
            unique(users.putIfAbsent(change.user().id(), change.user()) != null, "users_pkey", change.user().id());
            return null;
        }

        @Override
        public Void userChanged(UserChanged change) {
            users.computeIfPresent(change.user().id(), (id, user) -> user.changedTo(change.user()));
            return null;
        }

        @Override
        public Void userDisabled(UserDisabled change) {
            users.computeIfPresent(change.userId(), (id, user) -> user.disabled(change.updatedAt()));
            return null;
        }

        @Override
        public Void historyEntryAppended(HistoryEntryAppended change) {
            if (!keepsHistory) {
                return null;
            }
            HistoryEntryRow entry = change.entry();
            TreeMap<Long, HistoryEntryRow> entries = history.computeIfAbsent(entry.tenantId(), id -> new TreeMap<>());
            unique(entries.containsKey(entry.aggregateSequence()), "event_history_pkey",
                    entry.tenantId() + "/" + entry.aggregateSequence());
            entries.put(entry.aggregateSequence(), entry);
            return null;
        }
    }

    /** Throws what PostgreSQL says when {@code constraint} refuses {@code value}; {@link BatchChanges} refuses alike. */
    static void unique(boolean taken, String constraint, Object value) {
        if (taken) {
            throw new IllegalStateException("duplicate key value violates unique constraint \"" + constraint
                    + "\" (" + value + ")");
        }
    }

    private static void referenced(boolean present, String table, String referencedTable, Object id) {
        if (!present) {
            throw new IllegalStateException("insert into " + table + " violates its foreign key: " + id
                    + " is not present in " + referencedTable);
        }
    }

    /** A widget's primary key: its tenant and its id. */
    private record WidgetKey(UUID tenantId, UUID widgetId) {
    }

    /** A value unique within a tenant (a widget name, a version number). */
    private record TenantKey(UUID tenantId, String value) {
    }
}
