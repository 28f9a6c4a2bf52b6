package io.flexboard.agent.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Checks an update before it replaces a working configuration. The control plane checks the same rules
 * when a builder saves; the agent checks again because a configuration it cannot run must never
 * displace one it can.
 */
public final class MetadataValidator {

    /** The widget types of the spec's Phase 2 (command-api's WidgetRules knows the same five). */
    static final Set<String> TYPES = Set.of("bar", "line", "pie", "kpi", "table");

    private MetadataValidator() {
    }

    /** @throws InvalidMetadataException naming every offending field */
    public static void validate(long latestVersion, JsonNode metadata) throws InvalidMetadataException {
        List<String> problems = new ArrayList<>();
        if (metadata == null || !metadata.isObject()) {
            problems.add("metadata: missing or not an object");
            throw new InvalidMetadataException(latestVersion, problems);
        }
        JsonNode version = metadata.path("version");
        if (!version.isIntegralNumber() || version.longValue() != latestVersion) {
            problems.add("metadata.version: " + version + " is not latest_version " + latestVersion);
        }
        for (String array : new String[] {"dashboards", "widgets"}) {
            if (!metadata.path(array).isArray()) {
                problems.add("metadata." + array + ": missing or not an array");
            }
        }
        JsonNode config = metadata.path("config");
        if (!config.isObject()) {
            problems.add("metadata.config: missing or not an object");
        } else {
            for (Map.Entry<String, JsonNode> widget : config.properties()) {
                checkWidget("metadata.config." + widget.getKey(), widget.getValue(), problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidMetadataException(latestVersion, problems);
        }
    }

    private static void checkWidget(String field, JsonNode widget, List<String> problems) {
        if (!widget.isObject()) {
            problems.add(field + ": not an object");
            return;
        }
        JsonNode query = widget.path("query");
        if (!query.isString() || query.stringValue().isBlank()) {
            problems.add(field + ".query: missing or not a string");
        }
        JsonNode type = widget.path("type");
        if (!type.isString() || !TYPES.contains(type.stringValue())) {
            problems.add(field + ".type: " + type + " is not one of " + TYPES.stream().sorted().toList());
        }
    }
}
