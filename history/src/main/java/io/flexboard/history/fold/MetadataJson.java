package io.flexboard.history.fold;

import io.flexboard.schemas.Branding;
import io.flexboard.schemas.BrandingColors;
import io.flexboard.schemas.BrandingLogo;
import io.flexboard.schemas.DashboardSnapshot;
import io.flexboard.schemas.PublishedConfiguration;
import io.flexboard.schemas.Widget;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.flexboard.history.fold.JsonDocument.JSON;

/**
 * The two JSON shapes docs/contracts.md fixes: {@code versions.metadata} from a saved snapshot, and
 * {@code published_versions.published_configuration} (the agent's {@code metadata} object) from a version's metadata.
 */
final class MetadataJson {

    private MetadataJson() {
    }

    /** {@code { dashboards: [{id, name, slug, description}], widgets: [{id, dashboard_id, name, widget_type, config, position_x, …}] }}. */
    static ObjectNode versionMetadata(PublishedConfiguration snapshot) {
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
        // A version saved before its tenant had branding has no key at all, so agents keep their own look.
        if (snapshot.getBranding() != null) {
            metadata.set("branding", branding(snapshot.getBranding()));
        }
        return metadata;
    }

    /** {@code {logo: {media_type, data_base64} | null, colors: {primary, secondary, accent, background, text}, font, custom_css}}. */
    static ObjectNode branding(Branding branding) {
        ObjectNode node = JSON.createObjectNode();
        BrandingLogo logo = branding.getLogo();
        if (logo == null) {
            node.putNull("logo");
        } else {
            ObjectNode logoNode = node.putObject("logo");
            logoNode.put("media_type", logo.getMediaType());
            logoNode.put("data_base64", logo.getDataBase64());
        }
        BrandingColors colors = branding.getColors();
        ObjectNode colorsNode = node.putObject("colors");
        colorsNode.put("primary", colors.getPrimary());
        colorsNode.put("secondary", colors.getSecondary());
        colorsNode.put("accent", colors.getAccent());
        colorsNode.put("background", colors.getBackground());
        colorsNode.put("text", colors.getText());
        node.put("font", branding.getFont());
        node.put("custom_css", branding.getCustomCss());
        return node;
    }

    /** The same dashboards, the widgets without their config, and the configs keyed by widget name. */
    static ObjectNode publishedConfiguration(int version, JsonNode versionMetadata) {
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
        if (versionMetadata.has("branding")) {
            sync.set("branding", versionMetadata.get("branding").deepCopy());
        }
        return sync;
    }
}
