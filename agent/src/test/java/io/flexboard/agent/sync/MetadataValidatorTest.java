package io.flexboard.agent.sync;

import static io.flexboard.agent.support.PublishedConfigurations.publishedVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flexboard.agent.AgentJson;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

class MetadataValidatorTest {

    /** The roadmap's "Revenue Trend Analysis" dataSource, interactions and caching, its query filtered by both filters. */
    private static final String REVENUE_TREND = """
            {"type": "line", "title": "Revenue Trend Analysis",
             "dataSource": {"type": "sql", "connection": "main",
               "query": "SELECT FORMAT(order_date, 'yyyy-MM') AS month, SUM(total_amount) AS revenue FROM orders WHERE region = {region} AND order_date BETWEEN {date_range.from} AND {date_range.to} GROUP BY FORMAT(order_date, 'yyyy-MM')"},
             "interactions": {"clickable": true,
               "drilldown": {"enabled": true, "target": "modal", "query": "SELECT * FROM orders WHERE FORMAT(order_date, 'yyyy-MM') = '{month}'"},
               "filters": [{"type": "date", "field": "date_range", "label": "Date Range", "default": "last_12_months"},
                           {"type": "select", "field": "region", "label": "Region", "options": ["All", "North", "South", "East", "West"]}]},
             "caching": {"enabled": true, "ttl": 300},
             "layout": {"x": 0, "y": 0, "width": 12, "height": 6}}
            """;

    @Test
    void given_published_metadata_when_validated_then_it_passes() {
        assertThatCode(() -> MetadataValidator.validate(4, publishedVersion(4))).doesNotThrowAnyException();
    }

    @Test
    void given_metadata_of_another_version_than_latest_when_validated_then_refused() {
        assertThatThrownBy(() -> MetadataValidator.validate(5, publishedVersion(4)))
                .isInstanceOf(InvalidMetadataException.class)
                .hasMessageContaining("metadata.version: 4 is not latest_version 5");
    }

    @Test
    void given_metadata_without_dashboards_or_widgets_when_validated_then_each_missing_array_is_named() {
        ObjectNode metadata = publishedVersion(4);
        metadata.remove("dashboards");
        metadata.put("widgets", "none");

        assertThatThrownBy(() -> MetadataValidator.validate(4, metadata))
                .hasMessageContaining("metadata.dashboards: missing or not an array")
                .hasMessageContaining("metadata.widgets: missing or not an array");
    }

    @Test
    void given_a_widget_without_a_string_query_and_with_an_unknown_type_when_validated_then_both_fields_are_named() {
        ObjectNode metadata = publishedVersion(4);
        ObjectNode widget = (ObjectNode) metadata.path("config").path("sales-by-month");
        widget.put("query", 42);
        widget.put("type", "hologram");

        assertThatThrownBy(() -> MetadataValidator.validate(4, metadata))
                .hasMessageContaining("metadata.config.sales-by-month.query: integer found, string expected")
                .hasMessageContaining("metadata.config.sales-by-month.type: must be one of bar, gauge, kpi, line, map, pie, scatter, table");
    }

    @Test
    void given_no_metadata_at_all_when_validated_then_refused() {
        assertThatThrownBy(() -> MetadataValidator.validate(4, null)).hasMessageContaining("metadata: missing or not an object");
    }

    // --- the widget config schema, shared with command-api ------------------------------------------

    @Test
    void a_phase_3_widget_with_the_roadmaps_data_source_interactions_and_caching_is_accepted() {
        assertThatCode(() -> MetadataValidator.validate(4, withWidget(REVENUE_TREND))).doesNotThrowAnyException();
    }

    @Test
    void the_roadmaps_revenue_trend_analysis_example_with_its_visual_axes_and_series_is_accepted_as_written() {
        String example = REVENUE_TREND.replace("\"caching\":", """
                "id": "revenue-trend", "description": "Monthly revenue with forecast",
                "visual": {"colors": ["#3b82f6", "#10b981", "#f59e0b"], "theme": "dark", "showLegend": true, "showGrid": true, "animation": true},
                "chartConfig": {"xAxis": {"field": "month", "type": "category", "format": "MMM yyyy"},
                  "yAxis": [{"field": "revenue", "type": "linear", "position": "left", "format": "currency"},
                            {"field": "order_count", "type": "linear", "position": "right", "format": "number"}],
                  "series": [{"field": "revenue", "name": "Revenue", "type": "line", "yAxisIndex": 0, "smooth": true},
                             {"field": "order_count", "name": "Orders", "type": "line", "yAxisIndex": 1, "dashArray": "5,5"}]},
                "caching":""");

        assertThatCode(() -> MetadataValidator.validate(4, withWidget(example))).doesNotThrowAnyException();
    }

    @Test
    void a_gauge_a_map_and_a_scatter_are_accepted() {
        for (String config : new String[] {
                "{\"type\": \"gauge\", \"query\": \"SELECT 72 AS score\", \"chartConfig\": {\"min\": 0, \"max\": 100, \"target\": 80}}",
                "{\"type\": \"map\", \"query\": \"SELECT 'TH' AS c, 5 AS v\", \"chartConfig\": {\"map\": {\"region\": \"world\", \"nameField\": \"c\", \"valueField\": \"v\"}}}",
                "{\"type\": \"scatter\", \"query\": \"SELECT 1 AS x, 2 AS y\", \"chartConfig\": {\"series\": [{\"field\": \"y\", \"type\": \"scatter\"}]}}"}) {
            assertThatCode(() -> MetadataValidator.validate(4, withWidget(config))).as(config).doesNotThrowAnyException();
        }
    }

    @Test
    void a_series_on_a_missing_axis_and_a_layout_beyond_the_grid_are_refused_naming_each_field() {
        String broken = "{\"type\": \"line\", \"query\": \"SELECT 1\", \"chartConfig\": {\"yAxis\": [{\"field\": \"a\"}],"
                + " \"series\": [{\"field\": \"a\", \"yAxisIndex\": 1}]}, \"layout\": {\"x\": 8, \"y\": 0, \"width\": 6, \"height\": 4}}";

        assertThatThrownBy(() -> MetadataValidator.validate(4, withWidget(broken)))
                .hasMessage("invalid metadata for version 4: metadata.config.revenue-trend.chartConfig.series[0].yAxisIndex: must be 0:"
                        + " chartConfig.yAxis defines one axis; metadata.config.revenue-trend.layout.width: layout.x + layout.width must be"
                        + " at most 12, got 8 + 6");
    }

    @Test
    void a_widget_config_that_is_no_object_is_refused_naming_the_widget() {
        ObjectNode metadata = publishedVersion(4);
        metadata.withObject("config").put("revenue-trend", "SELECT 1");

        assertThatThrownBy(() -> MetadataValidator.validate(4, metadata))
                .hasMessage("invalid metadata for version 4: metadata.config.revenue-trend: string found, object expected");
    }

    @Test
    void each_data_source_type_without_its_own_field_is_refused_naming_the_field_path() {
        assertThatThrownBy(() -> MetadataValidator.validate(4, withWidget(
                "{\"type\": \"bar\", \"dataSource\": {\"type\": \"sql\", \"connection\": \"main\"}}")))
                .hasMessage("invalid metadata for version 4: metadata.config.revenue-trend.dataSource.query: is required");
        assertThatThrownBy(() -> MetadataValidator.validate(4, withWidget(
                "{\"type\": \"bar\", \"dataSource\": {\"type\": \"api\", \"connection\": \"crm\"}}")))
                .hasMessage("invalid metadata for version 4: metadata.config.revenue-trend.dataSource.endpoint: is required");
        assertThatThrownBy(() -> MetadataValidator.validate(4, withWidget(
                "{\"type\": \"bar\", \"dataSource\": {\"type\": \"file\", \"connection\": \"exports\"}}")))
                .hasMessage("invalid metadata for version 4: metadata.config.revenue-trend.dataSource.file: is required");
    }

    @Test
    void a_config_newer_than_this_agent_understands_is_refused_whole_naming_each_field() {
        String newer = REVENUE_TREND.replace("\"type\": \"line\"", "\"type\": \"heatmap\", \"alerts\": [{\"above\": 100}]")
                .replace("\"type\": \"select\"", "\"type\": \"slider\"")
                .replace("\"type\": \"sql\"", "\"type\": \"graphql\"");

        assertThatThrownBy(() -> MetadataValidator.validate(4, withWidget(newer)))
                .isInstanceOf(InvalidMetadataException.class)
                .hasMessageContaining("metadata.config.revenue-trend.type: must be one of bar, gauge, kpi, line, map, pie, scatter, table")
                .hasMessageContaining("metadata.config.revenue-trend.alerts: is not a property the schema knows here")
                .hasMessageContaining("metadata.config.revenue-trend.dataSource.type: must be one of api, file, sql")
                .hasMessageContaining("metadata.config.revenue-trend.interactions.filters[1].type: must be one of date, multiselect, range, select")
                .hasMessageNotContaining("sales-by-month");
    }

    @Test
    void a_drilldown_without_query_and_a_wrong_ttl_are_refused_naming_each_field() {
        String broken = REVENUE_TREND.replace(", \"query\": \"SELECT * FROM orders WHERE FORMAT(order_date, 'yyyy-MM') = '{month}'\"", "")
                .replace("\"ttl\": 300", "\"ttl\": 0");

        assertThatThrownBy(() -> MetadataValidator.validate(4, withWidget(broken)))
                .hasMessage("invalid metadata for version 4: metadata.config.revenue-trend.interactions.drilldown.query: is required; "
                        + "metadata.config.revenue-trend.caching.ttl: must be at least 1");
        assertThatThrownBy(() -> MetadataValidator.validate(4, withWidget(REVENUE_TREND.replace("\"ttl\": 300", "\"ttl\": \"300\""))))
                .hasMessage("invalid metadata for version 4: metadata.config.revenue-trend.caching.ttl: string found, integer expected");
    }

    @Test
    void an_unknown_data_source_property_is_refused_naming_it_without_echoing_its_value() {
        String leaky = REVENUE_TREND.replace("\"connection\": \"main\",", "\"connection\": \"main\", \"password\": \"s3cret-Pa55word\",");

        assertThatThrownBy(() -> MetadataValidator.validate(4, withWidget(leaky)))
                .hasMessage("invalid metadata for version 4: metadata.config.revenue-trend.dataSource.password: is not a property the schema knows here")
                .hasMessageNotContaining("s3cret-Pa55word");
    }

    @Test
    void a_placeholder_naming_no_filter_is_refused_naming_the_query_and_the_placeholder() {
        String typo = REVENUE_TREND.replace("region = {region}", "region = {regoin}");

        assertThatThrownBy(() -> MetadataValidator.validate(4, withWidget(typo)))
                .hasMessage("invalid metadata for version 4: metadata.config.revenue-trend.dataSource.query: placeholder {regoin}"
                        + " names no filter; this widget's filters give {date_range.from}, {date_range.to}, {region}");
    }

    @Test
    void huge_values_are_refused_with_a_short_message() {
        String hugeQuery = REVENUE_TREND.replace("SELECT FORMAT", "SELECT " + "x, ".repeat(250_000) + "FORMAT")
                .replace("\"ttl\": 300", "\"ttl\": 1e300");

        assertThatThrownBy(() -> MetadataValidator.validate(4, withWidget(hugeQuery)))
                .hasMessage("invalid metadata for version 4: metadata.config.revenue-trend.dataSource.query: must be at most 4000 characters long; "
                        + "metadata.config.revenue-trend.caching.ttl: must be at most 86400");
    }

    /** Version 4's metadata with a second widget, {@code revenue-trend}, configured as {@code config}. */
    private static ObjectNode withWidget(String config) {
        ObjectNode metadata = publishedVersion(4);
        metadata.withArray("widgets").addObject().put("name", "revenue-trend").put("dashboard_id", "d-1");
        metadata.withObject("config").set("revenue-trend", AgentJson.MAPPER.readTree(config));
        return metadata;
    }
}
