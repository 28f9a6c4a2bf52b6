package io.flexboard.queryapi.history;

import io.flexboard.fold.DashboardRow;
import io.flexboard.fold.InMemoryReadModel;
import io.flexboard.fold.TenantRow;
import io.flexboard.fold.WidgetRow;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A folded state as the {@link Differ} compares it: in the shape of {@code versions.metadata}, plus the tenant's own fields. */
final class SideJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SideJson() {
    }

    /** {@code { dashboards: [{id, name, slug, description}], widgets: [{id, dashboard_id, name, widget_type, config, …}] }}. */
    static ObjectNode dashboards(InMemoryReadModel model, UUID tenantId) {
        ObjectNode side = NODES.objectNode();
        ArrayNode dashboards = side.putArray("dashboards");
        ArrayNode widgets = side.putArray("widgets");
        for (DashboardRow dashboard : model.dashboards(tenantId)) {
            dashboards.addObject()
                    .put("id", dashboard.id().toString())
                    .put("name", dashboard.name())
                    .put("slug", dashboard.slug())
                    .put("description", dashboard.description());
            for (WidgetRow widget : model.widgets(dashboard.id())) {
                ObjectNode node = widgets.addObject()
                        .put("id", widget.id().toString())
                        .put("dashboard_id", widget.dashboardId().toString())
                        .put("name", widget.name())
                        .put("widget_type", widget.widgetType());
                node.set("config", widget.config().tree());
                node.put("position_x", widget.positionX())
                        .put("position_y", widget.positionY())
                        .put("width", widget.width())
                        .put("height", widget.height());
            }
        }
        return side;
    }

    /** The tenant's own fields; every one null before the tenant existed. */
    static ObjectNode tenant(InMemoryReadModel model, UUID tenantId) {
        ObjectNode node = NODES.objectNode();
        model.tenant(tenantId).ifPresent((TenantRow tenant) -> node
                .put("name", tenant.name())
                .put("slug", tenant.slug())
                .put("license_type", tenant.licenseType())
                .put("is_active", TenantRow.ACTIVE.equals(tenant.status()))
                .put("paused_reason", tenant.pausedReason())
                .put("max_dashboards", tenant.maxDashboards())
                .put("max_widgets_per_dashboard", tenant.maxWidgetsPerDashboard()));
        return node;
    }
}
