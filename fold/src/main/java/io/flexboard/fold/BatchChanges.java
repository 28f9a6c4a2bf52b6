package io.flexboard.fold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/**
 * The row changes of a batch of events, reduced to their net effect per table, so that a writer
 * can apply a whole batch with one statement per table and kind instead of one per change: a row
 * inserted by the batch is inserted as the batch leaves it (later updates folded in); an update of
 * an older row keeps only its last values (a counter: the sum); a dashboard's widgets are its last
 * list; audit entries, keys and versions are all inserted.
 *
 * <p>Applied table by table, a row before the rows that reference it (tenants, api_keys, dashboards,
 * widgets, versions, published_versions, event_history), these give the tables the same rows as
 * applying every change in order. A constraint is then checked against the batch's end state instead of each step's:
 * only a batch that breaks a unique constraint and repairs it again within itself (which the
 * aggregate never emits) would pass here and fail change by change.
 *
 * <p>{@link #over(ReadModelView)} lets the fold of the batch's later events see its earlier ones.
 */
public final class BatchChanges implements RowChange.Handler<Void> {

    private final Map<UUID, TenantRow> tenantsInserted = new LinkedHashMap<>();
    private final Map<UUID, TenantStatusSet> tenantStatuses = new LinkedHashMap<>();
    private final Map<UUID, TenantBrandingSet> tenantBrandings = new LinkedHashMap<>();
    private final Map<UUID, Integer> dashboardCountIncrements = new LinkedHashMap<>();
    private final Map<UUID, ApiKeyRow> apiKeysInserted = new LinkedHashMap<>();
    private final Map<UUID, ApiKeyRevoked> apiKeysRevoked = new LinkedHashMap<>();
    private final Map<UUID, DashboardRow> dashboardsInserted = new LinkedHashMap<>();
    private final Map<UUID, DashboardWidgetCountSet> dashboardWidgetCounts = new LinkedHashMap<>();
    private final Map<UUID, WidgetsReplaced> widgetsReplaced = new LinkedHashMap<>();
    private final Map<UUID, VersionRow> versionsInserted = new LinkedHashMap<>();
    private final Map<UUID, VersionStatusSet> versionStatuses = new LinkedHashMap<>();
    private final Map<UUID, PublishedVersionRow> publishedVersions = new LinkedHashMap<>();
    private final List<HistoryEntryRow> historyEntries = new ArrayList<>();
    private final Map<UUID, UserRow> usersInserted = new LinkedHashMap<>();
    private final Map<UUID, UserRow> usersChanged = new LinkedHashMap<>();
    private final Map<UUID, UserDisabled> usersDisabled = new LinkedHashMap<>();

    /** Adds one change, after all the batch's earlier ones. */
    public void add(RowChange change) {
        change.applyTo(this);
    }

    /** What the fold sees while folding the batch: the rows {@code before} it, with its changes so far. */
    public ReadModelView over(ReadModelView before) {
        return new ReadModelView() {
            @Override
            public Optional<DashboardRow> dashboard(UUID dashboardId) {
                DashboardRow inserted = dashboardsInserted.get(dashboardId);
                if (inserted != null) {
                    return Optional.of(inserted);
                }
                DashboardWidgetCountSet count = dashboardWidgetCounts.get(dashboardId);
                return before.dashboard(dashboardId)
                        .map(row -> count == null ? row : row.withWidgetCount(count.widgetCount(), count.updatedAt()));
            }

            @Override
            public Optional<VersionRow> version(UUID versionId) {
                VersionRow inserted = versionsInserted.get(versionId);
                if (inserted != null) {
                    return Optional.of(inserted);
                }
                VersionStatusSet status = versionStatuses.get(versionId);
                return before.version(versionId).map(row -> status == null ? row : status.appliedTo(row));
            }
        };
    }

    /** Tenants the batch creates, as it leaves them. */
    public Collection<TenantRow> tenantsInserted() {
        return tenantsInserted.values();
    }

    /** The last status set on each older tenant. */
    public Collection<TenantStatusSet> tenantStatuses() {
        return tenantStatuses.values();
    }

    /** The last branding set (or cleared) on each older tenant. */
    public Collection<TenantBrandingSet> tenantBrandings() {
        return tenantBrandings.values();
    }

    /** Dashboards added to each older tenant's count. */
    public Map<UUID, Integer> dashboardCountIncrements() {
        return dashboardCountIncrements;
    }

    /** Keys the batch issues, as it leaves them (revoked by the batch too, or not). */
    public Collection<ApiKeyRow> apiKeysInserted() {
        return apiKeysInserted.values();
    }

    /** Older keys the batch revokes. */
    public Collection<ApiKeyRevoked> apiKeysRevoked() {
        return apiKeysRevoked.values();
    }

    /** Dashboards the batch creates, as it leaves them. */
    public Collection<DashboardRow> dashboardsInserted() {
        return dashboardsInserted.values();
    }

    /** The last widget count set on each older dashboard. */
    public Collection<DashboardWidgetCountSet> dashboardWidgetCounts() {
        return dashboardWidgetCounts.values();
    }

    /** Each dashboard whose widgets the batch replaced (by dashboard id), with its tenant and last list (possibly empty). */
    public Map<UUID, WidgetsReplaced> widgetsReplaced() {
        return widgetsReplaced;
    }

    /** Versions the batch saves, as it leaves them. */
    public Collection<VersionRow> versionsInserted() {
        return versionsInserted.values();
    }

    /** The last status of each older version the batch published or archived. */
    public Collection<VersionStatusSet> versionStatuses() {
        return versionStatuses.values();
    }

    /** Each tenant's last published version. */
    public Collection<PublishedVersionRow> publishedVersions() {
        return publishedVersions.values();
    }

    public List<HistoryEntryRow> historyEntries() {
        return historyEntries;
    }

    /** Users the batch creates, as it leaves them. */
    public Collection<UserRow> usersInserted() {
        return usersInserted.values();
    }

    /** The last change of each older user (its is_active and created_at are not the change's). */
    public Collection<UserRow> usersChanged() {
        return usersChanged.values();
    }

    /** Older users the batch disabled. */
    public Collection<UserDisabled> usersDisabled() {
        return usersDisabled.values();
    }

    @Override
    public Void userInserted(UserInserted change) {
        UserRow user = change.user();
        InMemoryReadModel.unique(usersInserted.putIfAbsent(user.id(), user) != null, "users_pkey", user.id());
        return null;
    }

    @Override
    public Void userChanged(UserChanged change) {
        UserRow user = change.user();
        if (usersInserted.computeIfPresent(user.id(), (id, inserted) -> inserted.changedTo(user)) == null) {
            usersChanged.put(user.id(), user);
        }
        return null;
    }

    @Override
    public Void userDisabled(UserDisabled change) {
        if (usersInserted.computeIfPresent(change.userId(), (id, inserted) -> inserted.disabled(change.updatedAt())) == null) {
            usersDisabled.put(change.userId(), change);
        }
        return null;
    }

    @Override
    public Void tenantInserted(TenantInserted change) {
        TenantRow tenant = change.tenant();
        InMemoryReadModel.unique(tenantsInserted.putIfAbsent(tenant.id(), tenant) != null, "tenants_pkey", tenant.id());
        return null;
    }

    @Override
    public Void tenantStatusSet(TenantStatusSet change) {
        if (tenantsInserted.computeIfPresent(change.tenantId(),
                (id, tenant) -> tenant.withStatus(change.status(), change.pausedReason(), change.updatedAt())) == null) {
            tenantStatuses.put(change.tenantId(), change);
        }
        return null;
    }

    @Override
    public Void tenantBrandingSet(TenantBrandingSet change) {
        if (tenantsInserted.computeIfPresent(change.tenantId(),
                (id, tenant) -> tenant.withBranding(change.branding(), change.updatedAt())) == null) {
            tenantBrandings.put(change.tenantId(), change);
        }
        return null;
    }

    @Override
    public Void tenantDashboardCountIncremented(TenantDashboardCountIncremented change) {
        if (tenantsInserted.computeIfPresent(change.tenantId(), (id, tenant) -> tenant.withOneMoreDashboard()) == null) {
            dashboardCountIncrements.merge(change.tenantId(), 1, Integer::sum);
        }
        return null;
    }

    @Override
    public Void apiKeyInserted(ApiKeyInserted change) {
        ApiKeyRow key = change.apiKey();
        InMemoryReadModel.unique(apiKeysInserted.putIfAbsent(key.keyId(), key) != null, "api_keys_pkey", key.keyId());
        return null;
    }

    @Override
    public Void apiKeyRevoked(ApiKeyRevoked change) {
        if (apiKeysInserted.computeIfPresent(change.keyId(),
                (id, key) -> key.revokedAt() == null ? key.revoked(change.revokedAt()) : key) == null) {
            apiKeysRevoked.putIfAbsent(change.keyId(), change);
        }
        return null;
    }

    @Override
    public Void dashboardInserted(DashboardInserted change) {
        DashboardRow dashboard = change.dashboard();
        InMemoryReadModel.unique(dashboardsInserted.putIfAbsent(dashboard.id(), dashboard) != null, "dashboards_pkey",
                dashboard.id());
        return null;
    }

    @Override
    public Void widgetsReplaced(WidgetsReplaced change) {
        widgetsReplaced.put(change.dashboardId(), change);
        return null;
    }

    @Override
    public Void dashboardWidgetCountSet(DashboardWidgetCountSet change) {
        if (dashboardsInserted.computeIfPresent(change.dashboardId(),
                (id, dashboard) -> dashboard.withWidgetCount(change.widgetCount(), change.updatedAt())) == null) {
            dashboardWidgetCounts.put(change.dashboardId(), change);
        }
        return null;
    }

    @Override
    public Void versionInserted(VersionInserted change) {
        VersionRow version = change.version();
        InMemoryReadModel.unique(versionsInserted.putIfAbsent(version.id(), version) != null, "versions_pkey", version.id());
        return null;
    }

    @Override
    public Void versionMarkedPublished(VersionMarkedPublished change) {
        if (versionsInserted.computeIfPresent(change.versionId(), (id, version) -> version.published(change.publishedAt())) == null) {
            versionStatuses.put(change.versionId(), new VersionStatusSet(change.versionId(), VersionRow.PUBLISHED, change.publishedAt()));
        }
        return null;
    }

    @Override
    public Void versionMarkedArchived(VersionMarkedArchived change) {
        if (versionsInserted.computeIfPresent(change.versionId(), (id, version) -> version.archived()) == null) {
            VersionStatusSet earlier = versionStatuses.get(change.versionId());
            // published_at stays what it was: the batch's own publish of the version, or the stored one.
            versionStatuses.put(change.versionId(), new VersionStatusSet(change.versionId(), VersionRow.ARCHIVED,
                    earlier == null ? null : earlier.publishedAt()));
        }
        return null;
    }

    @Override
    public Void publishedVersionSet(PublishedVersionSet change) {
        publishedVersions.put(change.publishedVersion().tenantId(), change.publishedVersion());
        return null;
    }

    @Override
    public Void historyEntryAppended(HistoryEntryAppended change) {
        historyEntries.add(change.entry());
        return null;
    }

    /**
     * {@code update versions set status, published_at} of an older version; a null
     * {@code publishedAt} keeps the stored one.
     */
    public record VersionStatusSet(UUID versionId, String status, Instant publishedAt) {

        VersionRow appliedTo(VersionRow row) {
            return VersionRow.PUBLISHED.equals(status) ? row.published(publishedAt)
                    : publishedAt == null ? row.archived() : row.published(publishedAt).archived();
        }
    }
}
