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
                "{\"query\": \"" + "x".repeat(4000) + "\", \"type\": \"line\", \"chartConfig\": {\"colors\": [\"rgb(1, 2, 3)\", \"\"]}}");

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

    // --- Phase 3: the eight types and their options -------------------------------------------------

    @Test
    void each_of_the_eight_widget_types_is_valid() {
        for (String type : List.of("bar", "line", "pie", "table", "kpi", "gauge", "map", "scatter")) {
            assertThat(violationsOf("{\"type\": \"" + type + "\", \"query\": \"SELECT 1\"}")).as(type).isEmpty();
        }
        assertThat(violationsOf("{\"type\": \"donut\", \"query\": \"SELECT 1\"}")).containsExactly(
                new ConfigViolation("type", "must be one of bar, gauge, kpi, line, map, pie, scatter, table"));
    }

    @Test
    void a_gauge_a_map_and_a_scatter_with_their_own_options_are_valid() {
        String gauge = "{\"type\": \"gauge\", \"query\": \"SELECT AVG(score) AS score FROM surveys\","
                + " \"chartConfig\": {\"yAxisKey\": \"score\", \"min\": -1.5, \"max\": 10, \"target\": 8.5},"
                + " \"visual\": {\"colors\": [\"#0f0\", \"SteelBlue\"], \"theme\": \"light\", \"animation\": false}}";
        String map = "{\"type\": \"map\", \"query\": \"SELECT country, SUM(total) AS revenue FROM orders GROUP BY country\","
                + " \"chartConfig\": {\"map\": {\"region\": \"world\", \"nameField\": \"country\", \"valueField\": \"revenue\"}}}";
        String thailand = "{\"type\": \"map\", \"query\": \"SELECT province, n FROM t\","
                + " \"chartConfig\": {\"map\": {\"region\": \"TH\", \"nameField\": \"province\", \"valueField\": \"n\"}}}";
        String scatter = "{\"type\": \"scatter\", \"query\": \"SELECT discount, margin FROM lines\","
                + " \"chartConfig\": {\"xAxis\": {\"field\": \"discount\", \"type\": \"linear\", \"position\": \"bottom\", \"format\": \"percent\"},"
                + " \"yAxis\": {\"field\": \"margin\", \"type\": \"log\", \"format\": \"compact\"},"
                + " \"series\": [{\"field\": \"margin\", \"type\": \"scatter\", \"yAxisIndex\": 0}]},"
                + " \"layout\": {\"x\": 6, \"y\": 40, \"width\": 6, \"height\": 4}}";

        for (String config : List.of(gauge, map, thailand, scatter)) {
            assertThat(violationsOf(config)).as(config).isEmpty();
        }
    }

    @Test
    void axis_formats_are_the_four_names_or_a_date_pattern_of_at_most_forty_characters() {
        for (String format : List.of("currency", "number", "percent", "compact", "MMM yyyy", "dd/MM/yyyy", "HH:mm", "EEE d MMM, h:mm a", "yyyy-MM")) {
            ObjectNode config = revenueTrend();
            config.withObject("chartConfig").withObject("xAxis").put("format", format);
            assertThat(WidgetConfigSchema.violations(config)).as(format).isEmpty();
        }
        for (String format : List.of("currencies", "", "{month}", "%Y-%m", "yyyy" + " ".repeat(37), "ปปปป")) {
            ObjectNode config = revenueTrend();
            config.withObject("chartConfig").withObject("xAxis").put("format", format);
            assertThat(WidgetConfigSchema.violations(config)).as(format)
                    .extracting(ConfigViolation::path).containsExactly("chartConfig.xAxis.format");
        }
    }

    @Test
    void an_unknown_visual_option_a_colour_that_is_no_css_colour_and_a_wrong_theme_are_refused_each_by_path() {
        ObjectNode config = revenueTrend();
        config.withObject("visual").put("theme", "sepia").put("showLegend", "yes").put("font", "Comic Sans")
                .withArray("colors").add("url(javascript:alert(1))");

        assertThat(WidgetConfigSchema.violations(config)).containsExactlyInAnyOrder(
                new ConfigViolation("visual.font", "is not a property the schema knows here"),
                new ConfigViolation("visual.colors[3]", "must match ^(#[0-9A-Fa-f]{3}|#[0-9A-Fa-f]{6}|[A-Za-z]{3,20})$"),
                new ConfigViolation("visual.theme", "must be one of dark, light"),
                new ConfigViolation("visual.showLegend", "string found, boolean expected"));
    }

    @Test
    void an_axis_with_an_unknown_type_position_or_property_is_refused_naming_the_axis_by_index() {
        ObjectNode config = revenueTrend();
        ObjectNode right = (ObjectNode) config.path("chartConfig").path("yAxis").get(1);
        right.put("type", "logarithmic").put("position", "middle").put("label", "Orders");

        assertThat(WidgetConfigSchema.violations(config)).containsExactlyInAnyOrder(
                new ConfigViolation("chartConfig.yAxis[1].type", "must be one of category, linear, log, time"),
                new ConfigViolation("chartConfig.yAxis[1].position", "must be one of bottom, left, right, top"),
                new ConfigViolation("chartConfig.yAxis[1].label", "is not a property the schema knows here"));
    }

    @Test
    void a_y_axis_list_of_none_or_of_five_and_a_y_axis_that_is_text_are_refused() {
        ObjectNode config = revenueTrend();
        config.withObject("chartConfig").putArray("yAxis");
        assertThat(WidgetConfigSchema.violations(config)).containsExactly(
                new ConfigViolation("chartConfig.yAxis", "must have at least 1 items but found 0"));

        for (int i = 0; i < 5; i++) {
            config.withObject("chartConfig").withArray("yAxis").addObject().put("field", "f" + i);
        }
        assertThat(WidgetConfigSchema.violations(config)).containsExactly(
                new ConfigViolation("chartConfig.yAxis", "must have at most 4 items but found 5"));

        config.withObject("chartConfig").put("yAxis", "revenue");
        assertThat(WidgetConfigSchema.violations(config)).extracting(ConfigViolation::path).containsExactly("chartConfig.yAxis");
    }

    @Test
    void a_series_without_field_of_an_unknown_type_or_with_a_bad_dash_array_is_refused() {
        ObjectNode config = revenueTrend();
        ObjectNode first = (ObjectNode) config.path("chartConfig").path("series").get(0);
        first.remove("field");
        first.put("type", "pie");
        ((ObjectNode) config.path("chartConfig").path("series").get(1)).put("dashArray", "5;5").put("yAxisIndex", -1);

        assertThat(WidgetConfigSchema.violations(config)).containsExactlyInAnyOrder(
                new ConfigViolation("chartConfig.series[0].field", "is required"),
                new ConfigViolation("chartConfig.series[0].type", "must be one of area, bar, line, scatter"),
                new ConfigViolation("chartConfig.series[1].dashArray", "must match ^[0-9]{1,3}( ?, ?[0-9]{1,3}){0,7}$"),
                new ConfigViolation("chartConfig.series[1].yAxisIndex", "must be at least 0"));
    }

    @Test
    void a_map_region_that_is_no_iso_code_and_a_map_without_its_fields_are_refused() {
        for (String region : List.of("Thailand", "th", "THA", "", "world ")) {
            assertThat(violationsOf("{\"type\": \"map\", \"query\": \"q\", \"chartConfig\": {\"map\": {\"region\": \"" + region
                    + "\", \"nameField\": \"c\", \"valueField\": \"v\"}}}")).as(region)
                    .extracting(ConfigViolation::path).containsExactly("chartConfig.map.region");
        }
        assertThat(violationsOf("{\"type\": \"map\", \"query\": \"q\", \"chartConfig\": {\"map\": {\"region\": \"DE\"}}}"))
                .containsExactly(new ConfigViolation("chartConfig.map.nameField", "is required"),
                        new ConfigViolation("chartConfig.map.valueField", "is required"));
    }

    @Test
    void a_layout_outside_the_grid_or_without_its_four_numbers_is_refused_naming_each_field() {
        assertThat(violationsOf("{\"type\": \"bar\", \"query\": \"q\", \"layout\": {\"x\": 12, \"y\": -1, \"width\": 0, \"height\": 101}}"))
                .containsExactly(new ConfigViolation("layout.x", "must be at most 11"), new ConfigViolation("layout.y", "must be at least 0"),
                        new ConfigViolation("layout.width", "must be at least 1"), new ConfigViolation("layout.height", "must be at most 100"));
        assertThat(violationsOf("{\"type\": \"bar\", \"query\": \"q\", \"layout\": {\"x\": 0, \"y\": 0, \"width\": 4, \"depth\": 2}}"))
                .containsExactlyInAnyOrder(new ConfigViolation("layout.height", "is required"),
                        new ConfigViolation("layout.depth", "is not a property the schema knows here"));
    }

    @Test
    void a_property_the_schema_does_not_know_is_refused_at_the_top_and_in_chart_config() {
        assertThat(violationsOf("{\"type\": \"bar\", \"query\": \"q\", \"visaul\": {\"theme\": \"dark\"},"
                + " \"chartConfig\": {\"xAxisKey\": \"month\", \"stacked\": true}}"))
                .containsExactlyInAnyOrder(new ConfigViolation("visaul", "is not a property the schema knows here"),
                        new ConfigViolation("chartConfig.stacked", "is not a property the schema knows here"));
    }

    // --- Phase 3 cross-field rules ------------------------------------------------------------------

    @Test
    void a_series_on_a_y_axis_that_does_not_exist_is_refused_naming_the_series() {
        ObjectNode config = revenueTrend();
        ((ObjectNode) config.path("chartConfig").path("series").get(1)).put("yAxisIndex", 2);

        assertThat(WidgetConfigSchema.violations(config)).containsExactly(new ConfigViolation(
                "chartConfig.series[1].yAxisIndex", "must be below 2, the number of chartConfig.yAxis entries"));

        config.withObject("chartConfig").putObject("yAxis").put("field", "revenue");
        ((ObjectNode) config.path("chartConfig").path("series").get(1)).put("yAxisIndex", 1);
        assertThat(WidgetConfigSchema.violations(config)).containsExactly(new ConfigViolation(
                "chartConfig.series[1].yAxisIndex", "must be 0: chartConfig.yAxis defines one axis"));

        config.withObject("chartConfig").remove("yAxis");
        assertThat(WidgetConfigSchema.violations(config)).extracting(ConfigViolation::path)
                .containsExactly("chartConfig.series[1].yAxisIndex");
    }

    @Test
    void a_gauge_whose_max_is_not_above_its_min_is_refused_naming_max() {
        assertThat(violationsOf("{\"type\": \"gauge\", \"query\": \"q\", \"chartConfig\": {\"min\": 100, \"max\": 100}}"))
                .containsExactly(new ConfigViolation("chartConfig.max", "must be above chartConfig.min (100)"));
        assertThat(violationsOf("{\"type\": \"gauge\", \"query\": \"q\", \"chartConfig\": {\"min\": 1e300, \"max\": 0.5}}"))
                .containsExactly(new ConfigViolation("chartConfig.max", "must be above chartConfig.min (1.0E300)"));
        assertThat(violationsOf("{\"type\": \"gauge\", \"query\": \"q\", \"chartConfig\": {\"min\": -0.5, \"max\": 0}}"))
                .isEmpty();
    }

    @Test
    void a_layout_wider_than_the_grid_from_its_x_is_refused_naming_its_width() {
        assertThat(violationsOf("{\"type\": \"bar\", \"query\": \"q\", \"layout\": {\"x\": 6, \"y\": 0, \"width\": 7, \"height\": 4}}"))
                .containsExactly(new ConfigViolation("layout.width", "layout.x + layout.width must be at most 12, got 6 + 7"));
        assertThat(violationsOf("{\"type\": \"bar\", \"query\": \"q\", \"layout\": {\"x\": 11, \"y\": 0, \"width\": 1, \"height\": 4}}"))
                .isEmpty();
    }

    // --- Phase 3 hostile input ----------------------------------------------------------------------

    @Test
    void numbers_far_beyond_the_phase_3_bounds_are_refused_not_thrown() {
        assertThat(violationsOf("{\"type\": \"bar\", \"query\": \"q\", \"layout\": {\"x\": 1e30, \"y\": -1e300, \"width\": 12.5, \"height\": 4}}"))
                .containsExactly(new ConfigViolation("layout.x", "must be at most 11"), new ConfigViolation("layout.y", "must be at least 0"),
                        new ConfigViolation("layout.width", "number found, integer expected"));
        assertThat(violationsOf("{\"type\": \"line\", \"query\": \"q\", \"chartConfig\": {\"series\": [{\"field\": \"a\", \"yAxisIndex\": 1e30}]}}"))
                .containsExactly(new ConfigViolation("chartConfig.series[0].yAxisIndex", "must be at most 3"));
    }

    @Test
    void hundreds_of_colours_series_or_axes_are_refused_by_count_without_listing_them() {
        StringBuilder colours = new StringBuilder();
        StringBuilder series = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            colours.append(i == 0 ? "" : ", ").append("\"red\"");
            series.append(i == 0 ? "" : ", ").append("{\"field\": \"f").append(i).append("\"}");
        }

        List<ConfigViolation> found = violationsOf("{\"type\": \"line\", \"query\": \"q\", \"visual\": {\"colors\": [" + colours + "]},"
                + " \"chartConfig\": {\"series\": [" + series + "]}}");

        assertThat(found).containsExactly(new ConfigViolation("visual.colors", "must have at most 20 items but found 500"),
                new ConfigViolation("chartConfig.series", "must have at most 20 items but found 500"));
    }

    @Test
    void a_huge_column_name_is_refused_with_a_short_message_that_does_not_echo_it() {
        String huge = "col_" + "x".repeat(100_000);

        List<ConfigViolation> found = violationsOf("{\"type\": \"map\", \"query\": \"q\", \"chartConfig\": {\"map\": {\"nameField\": \""
                + huge + "\", \"valueField\": \"v\"}}}");

        assertThat(found).containsExactly(new ConfigViolation("chartConfig.map.nameField", "must be at most 128 characters long"));
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
