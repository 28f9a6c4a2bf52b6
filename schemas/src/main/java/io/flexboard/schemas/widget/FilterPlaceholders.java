package io.flexboard.schemas.widget;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The cross-field rules of a widget config: a filter's field is unique within the widget, and every
 * {@code {placeholder}} in a query the agent runs names one of the widget's filters — {@code {field}}
 * for a select or multiselect filter, {@code {field.from}} and {@code {field.to}} for a date or range
 * filter. A placeholder naming nothing would otherwise fail on-premise, at every read, far from the
 * builder who wrote it. The drilldown query is not checked: its placeholders are the clicked point's
 * columns, known only when the data arrives.
 */
final class FilterPlaceholders {

    /** A name and an optional part; text such as {@code {"find": …}} or {@code {1,2}} is no placeholder. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?:\\.([A-Za-z_][A-Za-z0-9_]*))?}");
    /** Reasons listed per query; a hostile query can hold hundreds of placeholders. */
    private static final int MAX_LISTED = 5;
    /** A placeholder's name may be thousands of characters long; the message quotes its start. */
    private static final int MAX_QUOTED = 64;

    private FilterPlaceholders() {
    }

    /** Expects a config the schema accepted: filters are objects with a known type and a field. */
    static List<ConfigViolation> violations(JsonNode config) {
        List<ConfigViolation> found = new ArrayList<>();
        Map<String, String> typeByField = new LinkedHashMap<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        JsonNode filters = config.path("interactions").path("filters");
        for (int i = 0; i < filters.size(); i++) {
            String field = filters.get(i).path("field").stringValue();
            Integer earlier = firstIndex.putIfAbsent(field, i);
            if (earlier != null) {
                found.add(new ConfigViolation("interactions.filters[" + i + "].field",
                        "'" + field + "' is already the field of interactions.filters[" + earlier + "]"));
            } else {
                typeByField.put(field, filters.get(i).path("type").stringValue());
            }
        }
        Set<String> known = placeholdersOf(typeByField);
        checkQuery(config.path("query"), "query", known, found);
        checkQuery(config.path("dataSource").path("query"), "dataSource.query", known, found);
        checkQuery(config.path("dataSource").path("endpoint"), "dataSource.endpoint", known, found);
        return found;
    }

    private static Set<String> placeholdersOf(Map<String, String> typeByField) {
        Set<String> known = new LinkedHashSet<>();
        typeByField.forEach((field, type) -> {
            if (type.equals("date") || type.equals("range")) {
                known.add("{" + field + ".from}");
                known.add("{" + field + ".to}");
            } else {
                known.add("{" + field + "}");
            }
        });
        return known;
    }

    private static void checkQuery(JsonNode query, String path, Set<String> known, List<ConfigViolation> found) {
        if (!query.isString()) {
            return;
        }
        Set<String> unknown = new LinkedHashSet<>();
        Matcher placeholder = PLACEHOLDER.matcher(query.stringValue());
        while (placeholder.find()) {
            if (!known.contains(placeholder.group())) {
                unknown.add(placeholder.group());
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        List<String> listed = unknown.stream().limit(MAX_LISTED).map(FilterPlaceholders::quoted).toList();
        String names = String.join(", ", listed)
                + (unknown.size() > MAX_LISTED ? " and " + (unknown.size() - MAX_LISTED) + " more" : "");
        String offered = known.isEmpty()
                ? "this widget has no interactions.filters"
                : "this widget's filters give " + String.join(", ", known);
        found.add(new ConfigViolation(path, (unknown.size() == 1 ? "placeholder " + names + " names no filter; "
                : "placeholders " + names + " name no filter; ") + offered));
    }

    private static String quoted(String placeholder) {
        return placeholder.length() <= MAX_QUOTED ? placeholder : placeholder.substring(0, MAX_QUOTED) + "…";
    }
}
