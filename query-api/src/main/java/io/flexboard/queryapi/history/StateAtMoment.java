package io.flexboard.queryapi.history;

import io.flexboard.fold.DashboardRow;
import io.flexboard.fold.InMemoryReadModel;
import io.flexboard.fold.PublishedVersionRow;
import io.flexboard.fold.VersionRow;
import io.flexboard.fold.WidgetRow;
import io.flexboard.queryapi.dashboard.DashboardDetail;
import io.flexboard.queryapi.dashboard.WidgetView;
import io.flexboard.queryapi.version.RestoredFrom;
import io.flexboard.queryapi.version.VersionSummary;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * GET /api/tenants/{tenantId}/state: the tenant's dashboards (with their widgets), versions and
 * published version at {@code at}, in the same records the live endpoints answer with.
 */
record StateAtMoment(
        Instant at,
        TenantAtMoment tenant,
        List<DashboardDetail> dashboards,
        List<VersionSummary> versions,
        Integer publishedVersion) {

    /** The tenant's state in the folded read models, or empty when the tenant did not exist yet. */
    static Optional<StateAtMoment> of(InMemoryReadModel model, UUID tenantId, Instant at) {
        return model.tenant(tenantId).map(tenant -> new StateAtMoment(at, TenantAtMoment.of(tenant),
                model.dashboards(tenantId).stream().map(dashboard -> detail(dashboard, model.widgets(dashboard.id()))).toList(),
                // Newest first, as GET /api/tenants/{tenantId}/versions lists them.
                model.versions(tenantId).stream().sorted(Comparator.comparingInt(VersionRow::version).reversed())
                        .map(StateAtMoment::summary).toList(),
                model.publishedVersion(tenantId).map(PublishedVersionRow::version).orElse(null)));
    }

    private static DashboardDetail detail(DashboardRow dashboard, List<WidgetRow> widgets) {
        return new DashboardDetail(dashboard.id(), dashboard.tenantId(), dashboard.name(), dashboard.slug(),
                dashboard.description(), dashboard.widgetCount(), dashboard.createdAt(), dashboard.updatedAt(),
                widgets.stream().map(w -> new WidgetView(w.id(), w.name(), w.widgetType(), w.config().text(), w.positionX(),
                        w.positionY(), w.width(), w.height())).toList());
    }

    /** The version as GET /api/tenants/{tenantId}/versions lists it. */
    static VersionSummary summary(VersionRow version) {
        return new VersionSummary(version.id(), version.version(), version.status(), version.message(),
                version.createdAt(), version.publishedAt(), version.createdBy(), version.parentVersion(),
                version.restoredFromVersionId() == null ? null
                        : new RestoredFrom(version.restoredFromVersionId(), version.restoredFromVersion()));
    }
}
