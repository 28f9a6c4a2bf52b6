package io.flexboard.agent.data.widget;

import io.flexboard.agent.data.source.DataSourceType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * What the data plane needs of one widget's configuration, read once per applied version: where its rows
 * come from, which filters it takes, its drilldown, how long its rows may be cached and which columns it
 * calculates. The control plane and the agent's sync validated the configuration already; this reading
 * only refuses what it cannot run.
 *
 * @param key              the widget's key in {@code metadata.config}
 * @param family           sql, api or file ({@code dataSource.type}; a Phase 2 widget is sql)
 * @param connection       the data source id, empty for a Phase 2 widget (it runs on the default source)
 * @param query            SQL or a MongoDB command (sql), or a file query (file)
 * @param endpoint         the REST endpoint (api)
 * @param file             the file name (file)
 * @param path             a JSON Pointer to the rows in a REST answer (api)
 * @param filters          {@code interactions.filters}
 * @param drilldownQuery   {@code interactions.drilldown.query} when the drilldown is enabled
 * @param cacheTtl         how long rows are served from the cache: {@code caching.ttl} when enabled, never
 *                         longer than {@code refreshInterval}; zero when caching is off
 * @param calculatedFields {@code calculatedFields}, in order
 */
public record WidgetDefinition(
        String key,
        DataSourceType.Family family,
        Optional<String> connection,
        String query,
        String endpoint,
        String file,
        String path,
        List<Filter> filters,
        Optional<String> drilldownQuery,
        Duration cacheTtl,
        List<CalculatedField> calculatedFields) {

    /** A formula computed per row into a new column. */
    public record CalculatedField(String name, String formula) {
    }

    /** Reads a widget's config; a config it cannot run throws naming the field. */
    static WidgetDefinition from(String key, JsonNode config) throws WidgetDataException {
        if (!config.isObject()) {
            throw refused(key, "config: is not an object");
        }
        JsonNode source = config.path("dataSource");
        DataSourceType.Family family;
        Optional<String> connection;
        String query = null;
        String endpoint = null;
        String file = null;
        String path = null;
        if (source.isObject()) {
            String type = text(source, "type").orElseThrow(() -> refused(key, "config.dataSource.type: is required"));
            family = switch (type) {
                case "sql" -> DataSourceType.Family.SQL;
                case "api" -> DataSourceType.Family.API;
                case "file" -> DataSourceType.Family.FILE;
                default -> throw refused(key, "config.dataSource.type: must be sql, api or file, got '" + type + "'");
            };
            connection = Optional.of(text(source, "connection")
                    .orElseThrow(() -> refused(key, "config.dataSource.connection: is required")));
            query = text(source, "query").orElse(null);
            endpoint = text(source, "endpoint").orElse(null);
            file = text(source, "file").orElse(null);
            path = text(source, "path").orElse(null);
            String required = switch (family) {
                case SQL -> query == null ? "query" : null;
                case API -> endpoint == null ? "endpoint" : null;
                case FILE -> file == null ? "file" : null;
            };
            if (required != null) {
                throw refused(key, "config.dataSource." + required + ": is required for a " + type + " data source");
            }
        } else {
            family = DataSourceType.Family.SQL;
            connection = Optional.empty();
            query = text(config, "query").orElseThrow(() -> refused(key, "config.query: is required (or config.dataSource)"));
        }
        JsonNode interactions = config.path("interactions");
        JsonNode drilldown = interactions.path("drilldown");
        Optional<String> drilldownQuery = drilldown.path("enabled").asBoolean(false) ? text(drilldown, "query") : Optional.empty();
        return new WidgetDefinition(key, family, connection, query, endpoint, file, path,
                filters(key, interactions.path("filters")), drilldownQuery, cacheTtl(config), calculatedFields(key, config));
    }

    private static List<Filter> filters(String key, JsonNode list) throws WidgetDataException {
        List<Filter> filters = new ArrayList<>();
        if (!list.isArray()) {
            return filters;
        }
        for (int i = 0; i < list.size(); i++) {
            JsonNode filter = list.get(i);
            String at = "config.interactions.filters[" + i + "]";
            String field = text(filter, "field").orElseThrow(() -> refused(key, at + ".field: is required"));
            Filter.Type type;
            try {
                type = Filter.Type.valueOf(text(filter, "type").orElse("select").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw refused(key, at + ".type: must be date, select, multiselect or range");
            }
            List<String> options = new ArrayList<>();
            filter.path("options").forEach(option -> options.add(option.asString()));
            filters.add(new Filter(type, field, List.copyOf(options), filter.path("default")));
        }
        return List.copyOf(filters);
    }

    private static Duration cacheTtl(JsonNode config) {
        JsonNode caching = config.path("caching");
        if (!caching.path("enabled").asBoolean(false)) {
            return Duration.ZERO;
        }
        Duration ttl = Duration.ofSeconds(Math.max(0, caching.path("ttl").asLong(0)));
        JsonNode refresh = config.path("refreshInterval");
        // A viewer that refreshes every N ms expects rows at most N ms old.
        if (refresh.isIntegralNumber() && refresh.longValue() > 0) {
            Duration refreshInterval = Duration.ofMillis(refresh.longValue());
            return ttl.compareTo(refreshInterval) > 0 ? refreshInterval : ttl;
        }
        return ttl;
    }

    private static List<CalculatedField> calculatedFields(String key, JsonNode config) throws WidgetDataException {
        List<CalculatedField> fields = new ArrayList<>();
        JsonNode list = config.path("calculatedFields");
        for (int i = 0; i < list.size(); i++) {
            JsonNode field = list.get(i);
            String at = "config.calculatedFields[" + i + "]";
            fields.add(new CalculatedField(
                    text(field, "name").orElseThrow(() -> refused(key, at + ".name: is required")),
                    text(field, "formula").orElseThrow(() -> refused(key, at + ".formula: is required"))));
        }
        return List.copyOf(fields);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.stringValue().isBlank() ? Optional.of(value.stringValue()) : Optional.empty();
    }

    private static WidgetDataException refused(String key, String message) {
        return new WidgetDataException(WidgetDataException.Reason.REFUSED, key, null,
                "widget '" + key + "' cannot be read: " + message);
    }
}
