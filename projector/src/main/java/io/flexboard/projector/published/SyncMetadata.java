package io.flexboard.projector.published;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds {@code published_versions.sync_metadata}, the agent's {@code metadata} object of
 * docs/contracts.md, from a version's stored metadata: the same dashboards, the widgets without
 * their config, and the configs keyed by widget name.
 */
final class SyncMetadata {

    private SyncMetadata() {
    }

    static ObjectNode of(int version, JsonNode versionMetadata, JsonMapper json) {
        ObjectNode sync = json.createObjectNode();
        sync.put("version", version);
        sync.set("dashboards", versionMetadata.path("dashboards").deepCopy());
        ArrayNode widgets = sync.putArray("widgets");
        ObjectNode config = json.createObjectNode();
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
