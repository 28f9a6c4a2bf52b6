package io.flexboard.commandapi.tenant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.flexboard.commandapi.api.RuleViolationException;
import io.flexboard.commandapi.api.WidgetInput;
import io.flexboard.schemas.Widget;
import tools.jackson.databind.json.JsonMapper;

/**
 * The widget rules of the spec: names are unique slugs within the tenant, the configuration has a
 * {@code query} and a known {@code type} (Phase 2), {@code widget_type} equals {@code config.type},
 * the widget fits the 12-column grid, and a dashboard holds no more widgets than the license allows.
 */
final class WidgetRules {

    static final Set<String> TYPES = Set.of("bar", "line", "pie", "kpi", "table");
    static final int GRID_COLUMNS = 12;
    static final int DEFAULT_WIDTH = 6;
    static final int DEFAULT_HEIGHT = 4;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int maxWidgets;
    private final Set<String> namesOnOtherDashboards;
    private final Set<String> idsOnOtherDashboards;

    WidgetRules(int maxWidgets, Set<String> namesOnOtherDashboards, Set<String> idsOnOtherDashboards) {
        this.maxWidgets = maxWidgets;
        this.namesOnOtherDashboards = namesOnOtherDashboards;
        this.idsOnOtherDashboards = idsOnOtherDashboards;
    }

    /** The widgets as they will be stored, or an exception naming every offending field. */
    List<Widget> check(String dashboardId, List<WidgetInput> inputs) {
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
            violations.check(input.id() != null && seenIds.add(input.id()) && !idsOnOtherDashboards.contains(input.id()),
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
                widgets.add(new Widget(input.id(), dashboardId, input.name(), widgetType,
                        JSON.writeValueAsString(input.config()), x, y, width, height));
            }
        }
        violations.throwIfAny();
        for (int i = 0; i < widgets.size(); i++) {
            if (namesOnOtherDashboards.contains(widgets.get(i).getName())) {
                throw new RuleViolationException("widgets[" + i + "].name", "widget name '" + widgets.get(i).getName()
                        + "' is already used on another dashboard of this tenant");
            }
        }
        return widgets;
    }

    /** Checks the Phase 2 configuration and returns its type when valid. */
    private static String checkConfig(Map<String, Object> config, String at, Violations violations) {
        if (config == null) {
            violations.check(false, at, "is required");
            return null;
        }
        Object query = config.get("query");
        violations.check(query instanceof String s && !s.isBlank(), at + ".query", "is required: the SQL the agent runs");
        Object type = config.get("type");
        boolean knownType = type instanceof String s && TYPES.contains(s);
        violations.check(knownType, at + ".type",
                type == null ? "is required: one of " + String.join(", ", sorted(TYPES)) : "must be one of " + String.join(", ", sorted(TYPES)));
        checkOptionalString(config, "title", at, violations);
        checkOptionalString(config, "description", at, violations);
        Object refresh = config.get("refreshInterval");
        violations.check(refresh == null || (refresh instanceof Number n && n.longValue() >= 1000 && n.doubleValue() == n.longValue()),
                at + ".refreshInterval", "must be a whole number of milliseconds, at least 1000");
        Object chart = config.get("chartConfig");
        if (chart != null) {
            if (chart instanceof Map<?, ?> chartConfig) {
                checkOptionalString(chartConfig, "xAxisKey", at + ".chartConfig", violations);
                checkOptionalString(chartConfig, "yAxisKey", at + ".chartConfig", violations);
                Object colors = chartConfig.get("colors");
                violations.check(colors == null || (colors instanceof List<?> list && list.stream().allMatch(String.class::isInstance)),
                        at + ".chartConfig.colors", "must be a list of strings");
            } else {
                violations.check(false, at + ".chartConfig", "must be an object");
            }
        }
        return knownType ? (String) type : null;
    }

    private static void checkOptionalString(Map<?, ?> map, String key, String at, Violations violations) {
        Object value = map.get(key);
        violations.check(value == null || value instanceof String, at + "." + key, "must be a string");
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
