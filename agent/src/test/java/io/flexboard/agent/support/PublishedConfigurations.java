package io.flexboard.agent.support;

import io.flexboard.agent.AgentJson;

import tools.jackson.databind.node.ObjectNode;

/** Sync-answer metadata as agent-bridge publishes it, in the shape of the README's API tour. */
public final class PublishedConfigurations {

    private PublishedConfigurations() {
    }

    /** The metadata of published version {@code version}: one dashboard, one bar widget whose query names the version. */
    public static ObjectNode publishedVersion(long version) {
        ObjectNode metadata = AgentJson.MAPPER.createObjectNode();
        metadata.put("version", version);
        metadata.putArray("dashboards").addObject().put("id", "d-1").put("name", "Sales").put("slug", "sales");
        metadata.putArray("widgets").addObject().put("name", "sales-by-month").put("dashboard_id", "d-1");
        metadata.putObject("config").putObject("sales-by-month")
                .put("query", "SELECT month, total FROM sales -- v" + version)
                .put("type", "bar");
        return metadata;
    }

    /** Version {@code version} with a widget of a type the agent does not know. */
    public static ObjectNode publishedVersionWithUnknownType(long version) {
        ObjectNode metadata = publishedVersion(version);
        ((ObjectNode) metadata.path("config").path("sales-by-month")).put("type", "hologram");
        return metadata;
    }
}
