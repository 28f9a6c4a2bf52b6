package io.flexboard.schemas.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The one widget config rule set: the schema resource and the cross-field rules next to it. */
class WidgetConfigSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The roadmap's "Revenue Trend Analysis" example as written (Phase 3, AdvancedWidgetConfig). */
    static final String REVENUE_TREND_ANALYSIS = """
            {
              "id": "revenue-trend",
              "type": "line",
              "title": "Revenue Trend Analysis",
              "description": "Monthly revenue with forecast",
              "dataSource": {
                "type": "sql",
                "connection": "main",
                "query": "SELECT FORMAT(order_date, 'yyyy-MM') as month, SUM(total_amount) as revenue, COUNT(*) as order_count, AVG(total_amount) as avg_order_value FROM orders WHERE order_date >= DATEADD(month, -18, GETDATE()) GROUP BY FORMAT(order_date, 'yyyy-MM') ORDER BY month"
              },
              "visual": { "colors": ["#3b82f6", "#10b981", "#f59e0b"], "theme": "dark", "showLegend": true, "showGrid": true, "animation": true },
              "chartConfig": {
                "xAxis": { "field": "month", "type": "category", "format": "MMM yyyy" },
                "yAxis": [
                  { "field": "revenue", "type": "linear", "position": "left", "format": "currency" },
                  { "field": "order_count", "type": "linear", "position": "right", "format": "number" }
                ],
                "series": [
                  { "field": "revenue", "name": "Revenue", "type": "line", "yAxisIndex": 0, "smooth": true },
                  { "field": "order_count", "name": "Orders", "type": "line", "yAxisIndex": 1, "dashArray": "5,5" }
                ]
              },
              "interactions": {
                "clickable": true,
                "drilldown": {
                  "enabled": true,
                  "target": "modal",
                  "query": "SELECT * FROM orders WHERE FORMAT(order_date, 'yyyy-MM') = '{month}' ORDER BY order_date DESC"
                },
                "filters": [
                  { "type": "date", "field": "date_range", "label": "Date Range", "default": "last_12_months" },
                  { "type": "select", "field": "region", "label": "Region", "options": ["All", "North", "South", "East", "West"] }
                ]
              },
              "caching": { "enabled": true, "ttl": 300 },
              "layout": { "x": 0, "y": 0, "width": 12, "height": 6 }
            }
            """;

    // --- valid configs ----------------------------------------------------------------------------

    @Test
    void phase_2_configs_that_are_valid_today_stay_valid() {
        List<String> phase2 = List.of(
                "{\"query\": \"SELECT month, total FROM sales\", \"type\": \"bar\"}",
                "{\"query\": \"SELECT COUNT(*) AS orders FROM sales.orders WHERE CAST(order_date AS date) = CAST(GETDATE() AS date)\","
                        + " \"type\": \"kpi\", \"title\": \"Orders today\", \"refreshInterval\": 60000}",
                "{\"query\": \"SELECT region, total FROM sales\", \"type\": \"pie\", \"title\": \"\", \"description\": \"By region\","
                        + " \"refreshInterval\": 1000.0, \"chartConfig\": {\"xAxisKey\": \"region\", \"yAxisKey\": \"total\","
                        + " \"colors\": [\"#3b82f6\", \"red\"]}}",
                "{\"query\": \"SELECT * FROM t\", \"type\": \"table\", \"refreshInterval\": 9223372036854775807, \"chartConfig\": {}}",
                "{\"query\": \"" + "x".repeat(4000) + "\", \"type\": \"line\", \"anythingElse\": {\"kept\": [1, 2]}}");

        for (String config : phase2) {
            assertThat(WidgetConfigSchema.violations(JSON.readTree(config))).as(config).isEmpty();
        }
    }

    @Test
    void the_roadmaps_revenue_trend_analysis_example_is_valid_as_written() {
        assertThat(WidgetConfigSchema.violations(JSON.readTree(REVENUE_TREND_ANALYSIS))).isEmpty();
    }

    @Test
    void a_query_whose_placeholders_name_the_widgets_filters_is_valid() {
        ObjectNode config = revenueTrend();
        config.withObject("dataSource").put("query", "SELECT month, SUM(total) FROM orders WHERE region = '{region}'"
                + " AND order_date BETWEEN {date_range.from} AND {date_range.to} GROUP BY month");
        config.withObject("interactions").withArray("filters").addObject()
                .put("type", "multiselect").put("field", "channel").putArray("default").add("web").add(3);
        config.withObject("interactions").withArray("filters").addObject().put("type", "range").put("field", "amount");
        config.withObject("dataSource").put("query", config.path("dataSource").path("query").stringValue()
                + " HAVING channel IN ({channel}) AND SUM(total) BETWEEN {amount.from} AND {amount.to}");

        assertThat(WidgetConfigSchema.violations(config)).isEmpty();
    }

    @Test
    void an_api_and_a_file_data_source_with_their_own_fields_are_valid() {
        String api = "{\"type\": \"table\", \"dataSource\": {\"type\": \"api\", \"connection\": \"crm.rest-1\","
                + " \"endpoint\": \"/v1/deals?owner={owner}\", \"path\": \"/data/items~1all/0\"},"
                + " \"interactions\": {\"filters\": [{\"type\": \"select\", \"field\": \"owner\", \"options\": [\"a\", 1.5]}]}}";
        String file = "{\"type\": \"bar\", \"dataSource\": {\"type\": \"file\", \"connection\": \"exports\", \"file\": \"sales 2025.csv\","
                + " \"query\": \"{\\\"columns\\\": [\\\"month\\\"], \\\"filter\\\": {\\\"region\\\": \\\"{region}\\\"}, \\\"limit\\\": 10}\"},"
                + " \"interactions\": {\"filters\": [{\"type\": \"select\", \"field\": \"region\"}]},"
                + " \"calculatedFields\": [{\"name\": \"margin\", \"formula\": \"(revenue - cost) / revenue\"}]}";
        String fileWithoutQuery = "{\"type\": \"bar\", \"dataSource\": {\"type\": \"file\", \"connection\": \"x\", \"file\": \"a.xlsx\"}}";

        assertThat(WidgetConfigSchema.violations(JSON.readTree(api))).isEmpty();
        assertThat(WidgetConfigSchema.violations(JSON.readTree(file))).isEmpty();
        assertThat(WidgetConfigSchema.violations(JSON.readTree(fileWithoutQuery))).isEmpty();
    }

    // --- refusals, each naming its field ------------------------------------------------------------

    @Test
    void a_phase_2_config_without_query_or_data_source_is_refused_naming_query() {
        assertThat(violationsOf("{\"type\": \"bar\"}")).containsExactly(new ConfigViolation("query", "is required"));
    }

    @Test
    void each_data_source_type_requires_its_own_field() {
        assertThat(violationsOf("{\"type\": \"bar\", \"dataSource\": {\"type\": \"sql\", \"connection\": \"main\"}}"))
                .containsExactly(new ConfigViolation("dataSource.query", "is required"));
        assertThat(violationsOf("{\"type\": \"bar\", \"dataSource\": {\"type\": \"api\", \"connection\": \"main\"}}"))
                .containsExactly(new ConfigViolation("dataSource.endpoint", "is required"));
        assertThat(violationsOf("{\"type\": \"bar\", \"dataSource\": {\"type\": \"file\", \"connection\": \"main\"}}"))
                .containsExactly(new ConfigViolation("dataSource.file", "is required"));
        assertThat(violationsOf("{\"type\": \"bar\", \"dataSource\": {\"type\": \"sql\", \"query\": \"SELECT 1\"}}"))
                .containsExactly(new ConfigViolation("dataSource.connection", "is required"));
    }

    @Test
    void a_field_of_another_data_source_type_or_an_unknown_one_is_refused_rather_than_ignored() {
        assertThat(violationsOf("{\"type\": \"bar\", \"dataSource\": {\"type\": \"sql\", \"connection\": \"main\","
                + " \"query\": \"SELECT 1\", \"path\": \"/rows\", \"password\": \"hunter2\"}}"))
                .containsExactlyInAnyOrder(
                        new ConfigViolation("dataSource.password", "is not a property the schema knows here"),
                        new ConfigViolation("dataSource.path", "is not used by this dataSource.type"));
    }

    @Test
    void a_data_source_id_that_could_be_a_path_or_a_url_is_refused() {
        for (String id : List.of("../secrets", "main db", "-main", "a".repeat(65), "", "jdbc:postgresql://h/db")) {
            ObjectNode config = revenueTrend();
            config.withObject("dataSource").put("connection", id);
            assertThat(WidgetConfigSchema.violations(config)).as(id)
                    .extracting(ConfigViolation::path).containsExactly("dataSource.connection");
        }
    }

    @Test
    void an_unknown_data_source_type_and_a_path_that_is_no_json_pointer_are_refused() {
        assertThat(violationsOf("{\"type\": \"bar\", \"dataSource\": {\"type\": \"ftp\", \"connection\": \"main\"}}"))
                .containsExactly(new ConfigViolation("dataSource.type", "must be one of api, file, sql"));
        assertThat(violationsOf("{\"type\": \"bar\", \"dataSource\": {\"type\": \"api\", \"connection\": \"main\","
                + " \"endpoint\": \"/x\", \"path\": \"data.items\"}}"))
                .extracting(ConfigViolation::path).containsExactly("dataSource.path");
    }

    @Test
    void an_unknown_filter_type_is_refused_naming_the_filter_by_index() {
        ObjectNode config = revenueTrend();
        ((ObjectNode) config.path("interactions").path("filters").get(1)).put("type", "slider");

        assertThat(WidgetConfigSchema.violations(config)).containsExactly(new ConfigViolation(
                "interactions.filters[1].type", "must be one of date, multiselect, range, select"));
    }

    @Test
    void a_filter_without_field_with_an_unsafe_field_or_an_unknown_property_is_refused() {
        ObjectNode config = revenueTrend();
        ((ObjectNode) config.path("interactions").path("filters").get(0)).remove("field");
        ((ObjectNode) config.path("interactions").path("filters").get(1)).put("field", "region'; DROP TABLE x; --").put("sql", "x");

        assertThat(WidgetConfigSchema.violations(config)).extracting(ConfigViolation::path).containsExactly(
                "interactions.filters[0].field", "interactions.filters[1].field", "interactions.filters[1].sql");
    }

    @Test
    void a_filter_default_that_is_an_object_is_refused() {
        ObjectNode config = revenueTrend();
        ((ObjectNode) config.path("interactions").path("filters").get(0)).putObject("default").put("from", "2025-01-01");

        assertThat(WidgetConfigSchema.violations(config)).extracting(ConfigViolation::path)
                .containsExactly("interactions.filters[0].default");
    }

    @Test
    void more_than_twenty_filters_are_refused() {
        ObjectNode config = revenueTrend();
        for (int i = 0; i < 19; i++) {
            config.withObject("interactions").withArray("filters").addObject().put("type", "select").put("field", "f" + i);
        }

        assertThat(WidgetConfigSchema.violations(config)).extracting(ConfigViolation::path).containsExactly("interactions.filters");
    }

    @Test
    void a_drilldown_enabled_without_a_query_is_refused_and_a_disabled_one_needs_none() {
        ObjectNode config = revenueTrend();
        config.withObject("interactions").withObject("drilldown").remove("query");

        assertThat(WidgetConfigSchema.violations(config)).containsExactly(new ConfigViolation("interactions.drilldown.query", "is required"));

        config.withObject("interactions").withObject("drilldown").put("enabled", false);
        assertThat(WidgetConfigSchema.violations(config)).isEmpty();
    }

    @Test
    void an_unknown_drilldown_target_is_refused() {
        ObjectNode config = revenueTrend();
        config.withObject("interactions").withObject("drilldown").put("target", "popup");

        assertThat(WidgetConfigSchema.violations(config)).containsExactly(
                new ConfigViolation("interactions.drilldown.target", "must be one of expand, modal, navigate"));
    }

    @Test
    void a_caching_ttl_of_zero_of_a_day_and_a_second_or_as_a_string_is_refused_and_enabled_is_required() {
        assertThat(cachingViolations("{\"enabled\": true, \"ttl\": 0}"))
                .containsExactly(new ConfigViolation("caching.ttl", "must be at least 1"));
        assertThat(cachingViolations("{\"enabled\": true, \"ttl\": 86401}"))
                .containsExactly(new ConfigViolation("caching.ttl", "must be at most 86400"));
        assertThat(cachingViolations("{\"enabled\": true, \"ttl\": \"300\"}"))
                .containsExactly(new ConfigViolation("caching.ttl", "string found, integer expected"));
        assertThat(cachingViolations("{\"ttl\": 300}"))
                .containsExactly(new ConfigViolation("caching.enabled", "is required"));
        assertThat(cachingViolations("{\"enabled\": true, \"ttl\": 300, \"size\": 5}"))
                .containsExactly(new ConfigViolation("caching.size", "is not a property the schema knows here"));
        assertThat(cachingViolations("{\"enabled\": true, \"ttl\": 86400}")).isEmpty();
    }

    @Test
    void a_calculated_field_with_an_unsafe_name_or_an_empty_formula_is_refused() {
        assertThat(violationsOf("{\"type\": \"bar\", \"query\": \"SELECT 1\","
                + " \"calculatedFields\": [{\"name\": \"margin\", \"formula\": \"a / b\"}, {\"name\": \"1st\", \"formula\": \" \"}]}"))
                .extracting(ConfigViolation::path)
                .containsExactly("calculatedFields[1].name", "calculatedFields[1].formula");
    }

    // --- cross-field rules ----------------------------------------------------------------------------

    @Test
    void a_placeholder_naming_no_filter_is_refused_naming_the_query_and_the_placeholder() {
        ObjectNode config = revenueTrend();
        config.withObject("dataSource").put("query", "SELECT * FROM sales WHERE region = {regoin}");

        assertThat(WidgetConfigSchema.violations(config)).containsExactly(new ConfigViolation("dataSource.query",
                "placeholder {regoin} names no filter; this widget's filters give {date_range.from}, {date_range.to}, {region}"));
    }

    @Test
    void a_date_filter_is_no_single_value_and_a_select_filter_has_no_range() {
        ObjectNode config = revenueTrend();
        config.withObject("dataSource").put("query", "SELECT * FROM sales WHERE d > {date_range} AND r = {region.from}");

        assertThat(WidgetConfigSchema.violations(config)).extracting(ConfigViolation::message).singleElement().asString()
                .startsWith("placeholders {date_range}, {region.from} name no filter;");
    }

    @Test
    void placeholders_in_the_phase_2_query_and_the_endpoint_are_checked_and_the_drilldowns_are_free() {
        assertThat(violationsOf("{\"type\": \"bar\", \"query\": \"SELECT * FROM t WHERE a = {a}\","
                + " \"interactions\": {\"drilldown\": {\"enabled\": true, \"query\": \"SELECT {anything} FROM t\"}}}"))
                .containsExactly(new ConfigViolation("query", "placeholder {a} names no filter; this widget has no interactions.filters"));
        assertThat(violationsOf("{\"type\": \"bar\", \"dataSource\": {\"type\": \"api\", \"connection\": \"crm\", \"endpoint\": \"/deals/{owner}\"}}"))
                .extracting(ConfigViolation::path).containsExactly("dataSource.endpoint");
    }

    @Test
    void json_and_sql_braces_that_are_no_placeholders_are_left_alone() {
        assertThat(violationsOf("{\"type\": \"bar\", \"dataSource\": {\"type\": \"sql\", \"connection\": \"mongo\","
                + " \"query\": \"{\\\"find\\\": \\\"orders\\\", \\\"filter\\\": {}} {1,2} {fn NOW()} { spaced }\"}}")).isEmpty();
    }

    @Test
    void two_filters_on_one_field_are_refused_naming_the_second() {
        ObjectNode config = revenueTrend();
        config.withObject("interactions").withArray("filters").addObject().put("type", "multiselect").put("field", "region");

        assertThat(WidgetConfigSchema.violations(config)).containsExactly(new ConfigViolation("interactions.filters[2].field",
                "'region' is already the field of interactions.filters[1]"));
    }

    // --- hostile input ------------------------------------------------------------------------------

    @Test
    void a_config_that_is_no_object_is_refused_naming_the_config_itself() {
        for (String notAnObject : List.of("[]", "\"SELECT 1\"", "null", "42")) {
            assertThat(violationsOf(notAnObject)).as(notAnObject).extracting(ConfigViolation::path).containsExactly("");
        }
    }

    @Test
    void a_huge_query_is_refused_with_a_short_message_that_does_not_echo_it() {
        String huge = "SELECT '" + "x".repeat(1_000_000) + "'";

        List<ConfigViolation> found = violationsOf("{\"type\": \"bar\", \"query\": \"" + huge + "\"}");

        assertThat(found).containsExactly(new ConfigViolation("query", "must be at most 4000 characters long"));
    }

    @Test
    void numbers_far_beyond_any_bound_are_refused_not_thrown() {
        assertThat(violationsOf("{\"type\": \"bar\", \"query\": \"q\", \"refreshInterval\": 1e30}"))
                .containsExactly(new ConfigViolation("refreshInterval", "must be at most 9223372036854775807"));
        assertThat(violationsOf("{\"type\": \"bar\", \"query\": \"q\", \"refreshInterval\": -1e30}"))
                .containsExactly(new ConfigViolation("refreshInterval", "must be at least 1000"));
        assertThat(violationsOf("{\"type\": \"bar\", \"query\": \"q\", \"refreshInterval\": 99999999999999999999999999}"))
                .containsExactly(new ConfigViolation("refreshInterval", "must be at most 9223372036854775807"));
        assertThat(violationsOf("{\"type\": \"bar\", \"query\": \"q\", \"refreshInterval\": 1000.5}"))
                .containsExactly(new ConfigViolation("refreshInterval", "number found, integer expected"));
        assertThat(violationsOf("{\"type\": \"bar\", \"query\": \"q\", \"caching\": {\"enabled\": true, \"ttl\": 1e300}}"))
                .containsExactly(new ConfigViolation("caching.ttl", "must be at most 86400"));
    }

    @Test
    void a_query_full_of_unknown_placeholders_lists_five_and_counts_the_rest() {
        StringBuilder query = new StringBuilder("SELECT {").append("n".repeat(1500)).append('}');
        for (int i = 0; i < 300; i++) {
            query.append(" {p").append(i).append('}');
        }

        List<ConfigViolation> found = violationsOf("{\"type\": \"bar\", \"query\": \"" + query + "\"}");

        assertThat(found).singleElement().satisfies(v -> {
            assertThat(v.path()).isEqualTo("query");
            assertThat(v.message()).startsWith("placeholders {" + "n".repeat(63) + "…, {p0}, {p1}, {p2}, {p3} and 296 more name no filter")
                    .hasSizeLessThan(200);
        });
    }

    @Test
    void foreign_text_is_valid_where_text_is_free_and_refused_where_an_identifier_is_expected() {
        assertThat(violationsOf("{\"type\": \"bar\", \"query\": \"SELECT ยอดขาย FROM 売上\", \"title\": \"รายได้ 📈\","
                + " \"interactions\": {\"filters\": [{\"type\": \"select\", \"field\": \"region\", \"label\": \"ภูมิภาค\"}]}}")).isEmpty();
        assertThat(violationsOf("{\"type\": \"bar\", \"query\": \"q\", \"interactions\": {\"filters\": [{\"type\": \"select\", \"field\": \"ภูมิภาค\"}]}}"))
                .extracting(ConfigViolation::path).containsExactly("interactions.filters[0].field");
    }

    @Test
    void many_threads_validating_at_once_get_the_same_answers() throws Exception {
        JsonNode valid = JSON.readTree(REVENUE_TREND_ANALYSIS);
        JsonNode invalid = JSON.readTree("{\"type\": \"bar\", \"dataSource\": {\"type\": \"api\", \"connection\": \"main\"}}");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<ConfigViolation>>> answers = IntStream.range(0, 400)
                    .mapToObj(i -> pool.submit(() -> WidgetConfigSchema.violations(i % 2 == 0 ? valid : invalid)))
                    .toList();
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get()).hasSize(i % 2 == 0 ? 0 : 1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static ObjectNode revenueTrend() {
        return (ObjectNode) JSON.readTree(REVENUE_TREND_ANALYSIS);
    }

    private static List<ConfigViolation> cachingViolations(String caching) {
        return violationsOf("{\"type\": \"bar\", \"query\": \"SELECT 1\", \"caching\": " + caching + "}");
    }

    private static List<ConfigViolation> violationsOf(String config) {
        return WidgetConfigSchema.violations(JSON.readTree(config));
    }
}
