package io.flexboard.queryapi.history;

import io.flexboard.queryapi.history.TenantDiff.DashboardChange;
import io.flexboard.queryapi.history.TenantDiff.FieldChange;
import io.flexboard.queryapi.history.TenantDiff.ItemChanges;
import io.flexboard.queryapi.history.TenantDiff.WidgetChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares two sides in the shape of {@code versions.metadata} ({@code dashboards} and {@code widgets}
 * arrays, docs/contracts.md), which a version's snapshot has and a folded state is turned into.
 * Items are matched by id (the builder keeps a widget's id when it sends the widget back).
 */
final class Differ {

    static final List<String> DASHBOARD_FIELDS = List.of("name", "slug", "description");
    static final List<String> WIDGET_FIELDS = List.of("name", "widget_type", "position_x", "position_y", "width", "height");
    private static final String CONFIG = "config";

    private Differ() {
    }

    /** Dashboards added, removed and changed (own fields or widgets) from {@code before} to {@code after}. */
    static ItemChanges<DashboardChange> dashboards(JsonNode before, JsonNode after) {
        Map<String, List<JsonNode>> widgetsBefore = widgetsByDashboard(before);
        Map<String, List<JsonNode>> widgetsAfter = widgetsByDashboard(after);
        return items(byId(before.path("dashboards")), byId(after.path("dashboards")),
                dashboard -> withWidgets(dashboard, widgetsBefore),
                dashboard -> withWidgets(dashboard, widgetsAfter),
                (from, to) -> {
                    String id = to.path("id").asString();
                    ItemChanges<WidgetChange> widgets = items(
                            byId(widgetsBefore.getOrDefault(id, List.of())), byId(widgetsAfter.getOrDefault(id, List.of())),
                            widget -> widget, widget -> widget,
                            (w1, w2) -> {
                                List<FieldChange> fields = fields(w1, w2, WIDGET_FIELDS);
                                fields.addAll(config(w1.path(CONFIG), w2.path(CONFIG)));
                                return fields.isEmpty() ? null
                                        : new WidgetChange(w2.path("id").asString(), w2.path("name").asString(), fields);
                            });
                    List<FieldChange> fields = fields(from, to, DASHBOARD_FIELDS);
                    boolean widgetsChanged = !widgets.added().isEmpty() || !widgets.removed().isEmpty()
                            || !widgets.changed().isEmpty();
                    return fields.isEmpty() && !widgetsChanged ? null
                            : new DashboardChange(id, to.path("slug").asString(), fields, widgets);
                });
    }

    /** The named fields whose values differ (a missing field counts as null). */
    static List<FieldChange> fields(JsonNode before, JsonNode after, List<String> names) {
        List<FieldChange> changes = new ArrayList<>();
        for (String name : names) {
            change(name, before.path(name), after.path(name), changes);
        }
        return changes;
    }

    /**
     * Items keyed by id: those only after, only before, and those on both sides the comparison finds
     * different (it answers null when they are the same).
     */
    static <C> ItemChanges<C> items(Map<String, JsonNode> before, Map<String, JsonNode> after,
                                    Function<JsonNode, JsonNode> showRemoved,
                                    Function<JsonNode, JsonNode> showAdded,
                                    BiFunction<JsonNode, JsonNode, C> compare) {
        List<JsonNode> added = new ArrayList<>();
        List<JsonNode> removed = new ArrayList<>();
        List<C> changed = new ArrayList<>();
        after.forEach((id, item) -> {
            JsonNode old = before.get(id);
            if (old == null) {
                added.add(showAdded.apply(item));
            } else {
                C change = compare.apply(old, item);
                if (change != null) {
                    changed.add(change);
                }
            }
        });
        before.forEach((id, item) -> {
            if (!after.containsKey(id)) {
                removed.add(showRemoved.apply(item));
            }
        });
        return new ItemChanges<>(added, removed, changed);
    }

    static Map<String, JsonNode> byId(Iterable<JsonNode> items) {
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(item.path("id").asString(), item));
        return byId;
    }

    /**
     * Field by field at the top level of the config: {@code config.query}, {@code config.type}, …
     * in key order, whatever order each side's JSON had (jsonb reorders keys).
     */
    private static List<FieldChange> config(JsonNode before, JsonNode after) {
        List<FieldChange> changes = new ArrayList<>();
        if (!before.isObject() || !after.isObject()) {
            change(CONFIG, before, after, changes);
            return changes;
        }
        Set<String> keys = new TreeSet<>(before.propertyNames());
        keys.addAll(after.propertyNames());
        for (String key : keys) {
            change(CONFIG + "." + key, before.path(key), after.path(key), changes);
        }
        return changes;
    }

    private static void change(String field, JsonNode before, JsonNode after, List<FieldChange> changes) {
        JsonNode from = before.isMissingNode() ? JsonNodeFactory.instance.nullNode() : before;
        JsonNode to = after.isMissingNode() ? JsonNodeFactory.instance.nullNode() : after;
        if (!from.equals(to)) {
            changes.add(new FieldChange(field, from, to));
        }
    }

    private static Map<String, List<JsonNode>> widgetsByDashboard(JsonNode side) {
        Map<String, List<JsonNode>> widgets = new LinkedHashMap<>();
        for (JsonNode widget : side.path("widgets")) {
            widgets.computeIfAbsent(widget.path("dashboard_id").asString(), id -> new ArrayList<>()).add(widget);
        }
        return widgets;
    }

    /** An added or removed dashboard is shown whole, with its widgets on that side. */
    private static JsonNode withWidgets(JsonNode dashboard, Map<String, List<JsonNode>> widgets) {
        ObjectNode shown = ((ObjectNode) dashboard).deepCopy();
        ArrayNode list = shown.putArray("widgets");
        widgets.getOrDefault(dashboard.path("id").asString(), List.of()).forEach(list::add);
        return shown;
    }
}
