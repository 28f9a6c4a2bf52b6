package io.flexboard.queryapi.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** GET /api/ops/lag as the client sees the JSON, with look-ups in the report's words. */
public record LagReportView(JsonNode json) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static LagReportView of(String body) {
        return new LagReportView(JSON.readTree(body));
    }

    /** The group's entry, or a missing node when the report does not list it. */
    public JsonNode group(String name) {
        for (JsonNode group : json.path("groups")) {
            if (name.equals(group.path("group").asString())) {
                return group;
            }
        }
        return MissingNode.getInstance();
    }

    public String groupStatus(String name) {
        return group(name).path("status").asString();
    }

    public JsonNode relay() {
        return json.path("relay");
    }
}
