package io.flexboard.agent.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.flexboard.schemas.widget.ConfigViolation;
import io.flexboard.schemas.widget.WidgetConfigSchema;
import tools.jackson.databind.JsonNode;

/**
 * Checks an update before it replaces a working configuration. The control plane checks the same rules
 * when a builder saves; the agent checks again because a configuration it cannot run must never
 * displace one it can. Every widget config is checked against the schemas module's
 * widget-config.schema.json, the one rule set command-api applies too, so a config newer than this
 * agent understands is refused whole and the last good one keeps serving.
 */
public final class MetadataValidator {

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
                String field = "metadata.config." + widget.getKey();
                for (ConfigViolation violation : WidgetConfigSchema.violations(widget.getValue())) {
                    problems.add(violation.fieldUnder(field) + ": " + violation.message());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidMetadataException(latestVersion, problems);
        }
    }
}
