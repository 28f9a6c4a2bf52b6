package io.flexboard.projector.version;

import io.flexboard.schemas.DashboardSnapshot;
import io.flexboard.schemas.MetadataSnapshot;
import io.flexboard.schemas.Widget;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds {@code versions.metadata} in the shape docs/contracts.md fixes, from a saved snapshot. */
final class VersionMetadata {

    private VersionMetadata() {
    }

    static ObjectNode of(MetadataSnapshot snapshot, JsonMapper json) {
        ObjectNode metadata = json.createObjectNode();
        ArrayNode dashboards = metadata.putArray("dashboards");
        for (DashboardSnapshot dashboard : snapshot.getDashboards()) {
            ObjectNode node = dashboards.addObject();
            node.put("id", dashboard.getDashboardId());
            node.put("name", dashboard.getName());
            node.put("slug", dashboard.getSlug());
            node.put("description", dashboard.getDescription());
        }
        ArrayNode widgets = metadata.putArray("widgets");
        for (Widget widget : snapshot.getWidgets()) {
            ObjectNode node = widgets.addObject();
            node.put("id", widget.getWidgetId());
            node.put("dashboard_id", widget.getDashboardId());
            node.put("name", widget.getName());
            node.put("widget_type", widget.getWidgetType());
            node.set("config", json.readTree(widget.getConfigJson()));
            node.put("position_x", widget.getPositionX());
            node.put("position_y", widget.getPositionY());
            node.put("width", widget.getWidth());
            node.put("height", widget.getHeight());
        }
        return metadata;
    }
}
