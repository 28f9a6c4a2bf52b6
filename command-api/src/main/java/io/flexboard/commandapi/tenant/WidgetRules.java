package io.flexboard.commandapi.tenant;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.flexboard.commandapi.api.RuleViolationException;
import io.flexboard.commandapi.api.WidgetInput;
import io.flexboard.schemas.Widget;
import io.flexboard.schemas.widget.ConfigViolation;
import io.flexboard.schemas.widget.WidgetConfigSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The widget rules of the spec: names are unique slugs within the tenant, the configuration is what
 * the schemas module's widget-config.schema.json allows (the rule set the agent and builder-ui apply
 * too; its {@code type} enum is the list of widget types), {@code widget_type} equals {@code config.type},
 * the widget fits the 12-column grid, and a dashboard holds no more widgets than the license allows.
 * The grid fields ({@code position_x}, {@code position_y}, {@code width}, {@code height}) place the
 * widget; a {@code config.layout} is checked by the schema and stored as sent but places nothing, so
 * the builder's grid, which moves widgets by their grid fields, never has two positions to reconcile.
 * Ids are the tenant's own: a sent id must be a UUID this tenant issued, a new widget gets a minted
 * one. Sizes are bounded so the default license's whole draft fits the events topic (docs/events.md).
 */
final class WidgetRules {

    static final int GRID_COLUMNS = 12;
    static final int DEFAULT_WIDTH = 6;
    static final int DEFAULT_HEIGHT = 4;
    /** 5 dashboards × 20 widgets × 8 KiB and the names stay under the record limit with room to spare. */
    static final int MAX_CONFIG_BYTES = 8 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int maxWidgets;
    private final Set<String> namesOnOtherDashboards;
    private final Set<String> idsOnOtherDashboards;
    private final Set<String> issuedIds;

    WidgetRules(int maxWidgets, Set<String> namesOnOtherDashboards, Set<String> idsOnOtherDashboards,
                Set<String> issuedIds) {
        this.maxWidgets = maxWidgets;
        this.namesOnOtherDashboards = namesOnOtherDashboards;
        this.idsOnOtherDashboards = idsOnOtherDashboards;
        this.issuedIds = issuedIds;
    }

    /**
     * The widgets as they will be stored, or an exception naming every offending field. The widgets
     * sent without an id take the {@code newIds} in order.
     */
    List<Widget> check(String dashboardId, List<WidgetInput> inputs, List<String> newIds) {
        Violations violations = new Violations();
        violations.check(inputs != null, "widgets", "is required");
        violations.throwIfAny();
        if (inputs.size() > maxWidgets) {
            throw new RuleViolationException("widgets", "the tenant's license allows " + maxWidgets
                    + " widgets per dashboard, got " + inputs.size());
        }
        Set<String> seenNames = new HashSet<>();
        Set<String> seenIds = new HashSet<>();
        List<Widget> widgets = new ArrayList<>();
        List<Integer> foreignIds = new ArrayList<>();
        int minted = 0;
        for (int i = 0; i < inputs.size(); i++) {
            String at = "widgets[" + i + "]";
            WidgetInput input = inputs.get(i);
            if (input == null) {
                violations.check(false, at, "must be an object");
                continue;
            }
            violations.checkSlug(input.name(), at + ".name");
            if (input.name() != null) {
                violations.check(seenNames.add(input.name()), at + ".name", "'" + input.name() + "' appears twice in this list");
            }
            String id;
            if (input.id() == null) {
                id = newIds.get(minted++);
            } else {
                id = input.id();
                boolean uuid = isUuid(id);
                violations.check(uuid, at + ".id", "must be the UUID of one of this tenant's widgets, or absent for a new widget");
                if (uuid && !issuedIds.contains(id)) {
                    foreignIds.add(i);
                }
            }
            violations.check(seenIds.add(id) && !idsOnOtherDashboards.contains(id),
                    at + ".id", "must be unique and not belong to another dashboard");
            String type = checkConfig(input.config(), at + ".config", violations);
            String widgetType = input.widgetType() == null ? type : input.widgetType();
            if (input.widgetType() != null && type != null) {
                violations.check(input.widgetType().equals(type), at + ".widget_type", "must equal config.type ('" + type + "')");
            }
            int x = orDefault(input.positionX(), 0);
            int y = orDefault(input.positionY(), 0);
            int width = orDefault(input.width(), DEFAULT_WIDTH);
            int height = orDefault(input.height(), DEFAULT_HEIGHT);
            violations.checkRange(x, 0, GRID_COLUMNS - 1, at + ".position_x");
            violations.checkRange(y, 0, 10_000, at + ".position_y");
            violations.checkRange(width, 1, GRID_COLUMNS, at + ".width");
            violations.checkRange(height, 1, 100, at + ".height");
            violations.check(x + width <= GRID_COLUMNS, at + ".width", "position_x + width must be at most " + GRID_COLUMNS);
            if (input.config() != null && type != null) {
                String configJson = JSON.writeValueAsString(input.config());
                int configBytes = configJson.getBytes(StandardCharsets.UTF_8).length;
                violations.check(configBytes <= MAX_CONFIG_BYTES, at + ".config",
                        "is " + configBytes + " bytes as JSON; the limit is " + MAX_CONFIG_BYTES);
                widgets.add(new Widget(id, dashboardId, input.name(), widgetType, configJson, x, y, width, height));
            }
        }
        violations.throwIfAny();
        if (!foreignIds.isEmpty()) {
            // Not a format error: a well-formed id this tenant never issued (another tenant's, or invented).
            String field = "widgets[" + foreignIds.get(0) + "].id";
            throw new RuleViolationException(field, field + " is not a widget of this tenant; send new widgets without an id");
        }
        for (int i = 0; i < widgets.size(); i++) {
            if (namesOnOtherDashboards.contains(widgets.get(i).getName())) {
                throw new RuleViolationException("widgets[" + i + "].name", "widget name '" + widgets.get(i).getName()
                        + "' is already used on another dashboard of this tenant");
            }
        }
        return widgets;
    }

    /**
     * Checks the configuration against the one widget schema (and its cross-field rules) and returns
     * its type when the type itself is valid, so widget_type can be compared even while other fields are not.
     */
    private static String checkConfig(Map<String, Object> config, String at, Violations violations) {
        if (config == null) {
            violations.check(false, at, "is required");
            return null;
        }
        JsonNode node = JSON.valueToTree(config);
        List<ConfigViolation> found = WidgetConfigSchema.violations(node);
        found.forEach(violation -> violations.check(false, violation.fieldUnder(at), violation.message()));
        boolean typeValid = found.stream().noneMatch(violation -> violation.path().equals("type"));
        return typeValid ? node.path("type").stringValue() : null;
    }

    private static boolean isUuid(String id) {
        try {
            // UUID.fromString accepts short forms such as 1-1-1-1-1: only the canonical text is an id this API issued.
            return UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
