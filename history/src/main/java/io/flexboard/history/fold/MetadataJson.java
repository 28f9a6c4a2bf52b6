package io.flexboard.history.fold;

import io.flexboard.schemas.DashboardSnapshot;
import io.flexboard.schemas.MetadataSnapshot;
import io.flexboard.schemas.Widget;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.flexboard.history.fold.JsonDocument.JSON;

/**
 * The two JSON shapes docs/contracts.md fixes: {@code versions.metadata} from a saved snapshot, and
 * {@code published_versions.sync_metadata} (the agent's {@code metadata} object) from a version's metadata.
 */
final class MetadataJson {

    private MetadataJson() {
    }

    /** {@code { dashboards: [{id, name, slug, description}], widgets: [{id, dashboard_id, name, widget_type, config, position_x, …}] }}. */
    static ObjectNode versionMetadata(MetadataSnapshot snapshot) {
        ObjectNode metadata = JSON.createObjectNode();
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
            node.set("config", JSON.readTree(widget.getConfigJson()));
            node.put("position_x", widget.getPositionX());
            node.put("position_y", widget.getPositionY());
            node.put("width", widget.getWidth());
            node.put("height", widget.getHeight());
        }
        return metadata;
    }

    /** The same dashboards, the widgets without their config, and the configs keyed by widget name. */
    static ObjectNode syncMetadata(int version, JsonNode versionMetadata) {
        ObjectNode sync = JSON.createObjectNode();
        sync.put("version", version);
        sync.set("dashboards", versionMetadata.path("dashboards").deepCopy());
        ArrayNode widgets = sync.putArray("widgets");
        ObjectNode config = JSON.createObjectNode();
        for (JsonNode widget : versionMetadata.path("widgets")) {
            ObjectNode withoutConfig = ((ObjectNode) widget).deepCopy();
            withoutConfig.remove("config");
            widgets.add(withoutConfig);
            config.set(widget.path("name").asString(), widget.path("config").deepCopy());
        }
        sync.set("config", config);
        return sync;
    }
}
