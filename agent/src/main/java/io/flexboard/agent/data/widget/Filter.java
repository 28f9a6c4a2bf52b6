package io.flexboard.agent.data.widget;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One of a widget's {@code interactions.filters}: the viewer sends its value as the query parameter
 * {@code field}; the query reads it through placeholders.
 *
 * @param type         how the value is read (see {@link FilterValues})
 * @param field        the query parameter and placeholder name
 * @param options      the allowed values of a select or multiselect, when listed
 * @param defaultValue used when the request has no value (missing node when there is none)
 */
record Filter(Type type, String field, List<String> options, JsonNode defaultValue) {

    enum Type {
        /** One value: {@code {field}}. */
        SELECT,
        /** Several values: {@code IN ({field})} binds one parameter per value. */
        MULTISELECT,
        /** {@code from..to} numbers: {@code {field.from}}, {@code {field.to}}. */
        RANGE,
        /** {@code from..to} ISO dates or a preset such as {@code last_12_months}: {@code {field.from}}, {@code {field.to}}. */
        DATE
    }
}
