package io.flexboard.fold;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One change to one read-model table, as {@link ReadModelFold} decides it. Its appliers — the
 * projector's SQL writer and {@link InMemoryReadModel} — execute it literally and decide nothing:
 * every value a column gets is in the change (or derived by this package, e.g. a
 * {@link JsonDocument}'s text). A new kind of change is a new record here plus a method in
 * {@link Handler}, so no applier compiles until it handles it.
 */
public sealed interface RowChange {

    /** Calls the handler's method for this kind of change. */
    <R> R applyTo(Handler<R> handler);

    /** Every kind of change, one method each. */
    interface Handler<R> {
        R tenantInserted(TenantInserted change);

        R tenantStatusSet(TenantStatusSet change);

        R tenantBrandingSet(TenantBrandingSet change);

        R tenantDashboardCountIncremented(TenantDashboardCountIncremented change);

        R apiKeyInserted(ApiKeyInserted change);

        R apiKeyRevoked(ApiKeyRevoked change);

        R dashboardInserted(DashboardInserted change);

        R widgetsReplaced(WidgetsReplaced change);

        R dashboardWidgetCountSet(DashboardWidgetCountSet change);

        R versionInserted(VersionInserted change);

        R versionMarkedPublished(VersionMarkedPublished change);

        R versionMarkedArchived(VersionMarkedArchived change);

        R publishedVersionSet(PublishedVersionSet change);

        R historyEntryAppended(HistoryEntryAppended change);

        R userInserted(UserInserted change);

        R userChanged(UserChanged change);

        R userDisabled(UserDisabled change);
    }

    /** {@code insert into tenants}. */
    record TenantInserted(TenantRow tenant) implements RowChange {
        @Override
        public <R> R applyTo(Handler<R> handler) {
            return handler.tenantInserted(this);
        }
    }

    /**
     * {@code update tenants set status, paused_reason, updated_at} of one tenant (none when it is unknown);
     * {@code status} is {@link TenantRow#ACTIVE} or {@link TenantRow#PAUSED}.
     */
    record TenantStatusSet(UUID tenantId, String status, String pausedReason, Instant updatedAt) implements RowChange {
        @Override
        public <R> R applyTo(Handler<R> handler) {
            return handler.tenantStatusSet(this);
        }
    }

    /** {@code update tenants set branding, updated_at} of one tenant; a null branding clears it. */
    record TenantBrandingSet(UUID tenantId, JsonDocument branding, Instant updatedAt) implements RowChange {
        @Override
        public <R> R applyTo(Handler<R> handler) {
            return handler.tenantBrandingSet(this);
        }
    }

    /** {@code update tenants set dashboard_count = dashboard_count + 1}: a derived counter, {@code updated_at} stays. */
    record TenantDashboardCountIncremented(UUID tenantId) implements RowChange {
        @Override
        public <R> R applyTo(Handler<R> handler) {
            return handler.tenantDashboardCountIncremented(this);
        }
    }

    /** {@code insert into api_keys}. */
    record ApiKeyInserted(ApiKeyRow apiKey) implements RowChange {
        @Override
        public <R> R applyTo(Handler<R> handler) {
            return handler.apiKeyInserted(this);
        }
    }

    /** {@code update api_keys set revoked_at} of one key that is not revoked yet (none when it is unknown). */
    record ApiKeyRevoked(UUID keyId, Instant revokedAt) implements RowChange {
        @Override
        public <R> R applyTo(Handler<R> handler) {
            return handler.apiKeyRevoked(this);
        }
    }

    /** {@code insert into dashboards}. */
    record DashboardInserted(DashboardRow dashboard) implements RowChange {
        @Override
        public <R> R applyTo(Handler<R> handler) {
            return handler.dashboardInserted(this);
        }
    }

    /**
     * {@code delete from widgets} of the tenant's dashboard, then {@code insert} these (possibly none).
     * Widgets are keyed by tenant and id: an event can never touch another tenant's widget rows.
     */
    record WidgetsReplaced(UUID tenantId, UUID dashboardId, List<WidgetRow> widgets) implements RowChange {
        public WidgetsReplaced {
            widgets = List.copyOf(widgets);
        }

        @Override
        public <R> R applyTo(Handler<R> handler) {
            return handler.widgetsReplaced(this);
        }
    }

    /** {@code update dashboards set widget_count, updated_at} of one dashboard. */
    record DashboardWidgetCountSet(UUID dashboardId, int widgetCount, Instant updatedAt) implements RowChange {
        @Override
        public <R> R applyTo(Handler<R> handler) {
            return handler.dashboardWidgetCountSet(this);
        }
    }

    /** {@code insert into versions}. */
    record VersionInserted(VersionRow version) implements RowChange {
        @Override
        public <R> R applyTo(Handler<R> handler) {
            return handler.versionInserted(this);
        }
    }

    /** {@code update versions set status = 'published', published_at} of one version. */
    record VersionMarkedPublished(UUID versionId, Instant publishedAt) implements RowChange {
        @Override
        public <R> R applyTo(Handler<R> handler) {
            return handler.versionMarkedPublished(this);
        }
    }

    /** {@code update versions set status = 'archived'} of one version; {@code published_at} stays. */
    record VersionMarkedArchived(UUID versionId) implements RowChange {
        @Override
        public <R> R applyTo(Handler<R> handler) {
            return handler.versionMarkedArchived(this);
        }
    }

    /** Upsert of the tenant's one {@code published_versions} row. */
    record PublishedVersionSet(PublishedVersionRow publishedVersion) implements RowChange {
        @Override
        public <R> R applyTo(Handler<R> handler) {
            return handler.publishedVersionSet(this);
        }
    }

    /** {@code insert into event_history}. */
    record HistoryEntryAppended(HistoryEntryRow entry) implements RowChange {
        @Override
        public <R> R applyTo(Handler<R> handler) {
            return handler.historyEntryAppended(this);
        }
    }

    /** {@code insert into users}. */
    record UserInserted(UserRow user) implements RowChange {
        @Override
        public <R> R applyTo(Handler<R> handler) {
            return handler.userInserted(this);
        }
    }

    /**
     * {@code update users set email, name, role, tenant_ids, updated_at} of one user (none when unknown); the
     * row's id, {@code is_active} and {@code created_at} are not the change's to set.
     */
    record UserChanged(UserRow user) implements RowChange {
        @Override
        public <R> R applyTo(Handler<R> handler) {
            return handler.userChanged(this);
        }
    }

    /** {@code update users set is_active = false, updated_at} of one user. */
    record UserDisabled(UUID userId, Instant updatedAt) implements RowChange {
        @Override
        public <R> R applyTo(Handler<R> handler) {
            return handler.userDisabled(this);
        }
    }
}
