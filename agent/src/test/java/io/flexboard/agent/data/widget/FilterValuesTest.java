package io.flexboard.agent.data.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flexboard.agent.AgentJson;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FilterValuesTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-06");

    private static WidgetDefinition widget(String query, String filtersJson) throws WidgetDataException {
        return WidgetDefinition.from("sales-by-month", AgentJson.MAPPER.readTree("""
                {"type": "bar", "query": %s, "interactions": {"filters": %s}}
                """.formatted(AgentJson.MAPPER.writeValueAsString(query), filtersJson)));
    }

    private static Map<String, List<String>> request(String... pairs) {
        Map<String, List<String>> request = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            request.computeIfAbsent(pairs[i], ignored -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return request;
    }

    private static Map<String, Object> resolve(WidgetDefinition widget, Map<String, List<String>> request) throws WidgetDataException {
        return FilterValues.resolve(widget, widget.query(), request, Set.of(), TODAY);
    }

    @Test
    void a_select_takes_its_value_from_the_parameter_named_by_its_field() throws Exception {
        WidgetDefinition widget = widget("SELECT * FROM sales WHERE region = {region}",
                "[{\"type\": \"select\", \"field\": \"region\", \"options\": [\"North\", \"South\"]}]");

        assertThat(resolve(widget, request("region", "North"))).containsExactly(Map.entry("region", "North"));
    }

    @Test
    void without_a_value_the_filters_default_applies() throws Exception {
        WidgetDefinition widget = widget("SELECT * FROM sales WHERE region = {region} AND day BETWEEN {period.from} AND {period.to}", """
                [{"type": "select", "field": "region", "default": "South"},
                 {"type": "date", "field": "period", "default": "last_12_months"}]""");

        assertThat(resolve(widget, request())).containsExactly(
                Map.entry("region", "South"),
                Map.entry("period.from", LocalDate.parse("2025-12-07")),
                Map.entry("period.to", TODAY));
    }

    @Test
    void a_multiselect_takes_every_repeated_value_as_a_list() throws Exception {
        WidgetDefinition widget = widget("SELECT * FROM sales WHERE region IN ({region})",
                "[{\"type\": \"multiselect\", \"field\": \"region\", \"default\": [\"North\", \"East\"]}]");

        assertThat(resolve(widget, request("region", "North", "region", "South"))).containsEntry("region", List.of("North", "South"));
        assertThat(resolve(widget, request())).containsEntry("region", List.of("North", "East"));
    }

    @Test
    void a_range_gives_two_numbers_and_a_date_range_two_dates() throws Exception {
        WidgetDefinition widget = widget("SELECT * FROM sales WHERE amount BETWEEN {amount.from} AND {amount.to} AND day >= {day.from}", """
                [{"type": "range", "field": "amount"}, {"type": "date", "field": "day"}]""");

        assertThat(resolve(widget, request("amount", "-10.5..100", "day", "2026-01-01..2026-03-31"))).containsExactly(
                Map.entry("amount.from", new BigDecimal("-10.5")),
                Map.entry("amount.to", new BigDecimal("100")),
                Map.entry("day.from", LocalDate.parse("2026-01-01")),
                Map.entry("day.to", LocalDate.parse("2026-03-31")));
        assertThat(resolve(widget, request("amount", "1..2", "day", "2026-02-03"))).containsEntry("day.to", LocalDate.parse("2026-02-03"));
    }

    @Test
    void every_date_preset_ends_today_or_in_the_past() throws Exception {
        WidgetDefinition widget = widget("SELECT {day.from}, {day.to}", "[{\"type\": \"date\", \"field\": \"day\"}]");

        for (String preset : FilterValues.PRESETS) {
            Map<String, Object> values = resolve(widget, request("day", preset));
            LocalDate from = (LocalDate) values.get("day.from");
            LocalDate to = (LocalDate) values.get("day.to");
            assertThat(from).as(preset).isBeforeOrEqualTo(to);
            assertThat(to).as(preset).isBeforeOrEqualTo(TODAY);
        }
        assertThat(resolve(widget, request("day", "last_year"))).containsEntry("day.from", LocalDate.parse("2025-01-01"))
                .containsEntry("day.to", LocalDate.parse("2025-12-31"));
    }

    @Test
    void bad_values_are_refused_naming_the_filter() throws Exception {
        WidgetDefinition widget = widget("SELECT {region}, {amount.from}, {amount.to}, {day.from}, {day.to}", """
                [{"type": "select", "field": "region", "options": ["North", "South"], "default": "North"},
                 {"type": "range", "field": "amount", "default": "0..1"},
                 {"type": "date", "field": "day", "default": "today"}]""");

        assertRefused(widget, request("region", "Atlantis"), "region: 'Atlantis' is not one of North, South");
        assertRefused(widget, request("region", "North", "region", "South"), "region: takes one value, got 2");
        assertRefused(widget, request("amount", "1e999999999..2"), "amount: '1e999999999' is not a number");
        assertRefused(widget, request("amount", "5"), "amount: must be a range such as 10..100, got '5'");
        assertRefused(widget, request("amount", "1..2..3"), "amount: must be a range such as 10..100");
        assertRefused(widget, request("day", "2026-13-45"), "day: must be a date (2026-01-31), a range");
        assertRefused(widget, request("day", "2026-03-01..2026-01-01"), "day: the range ends before it starts");
        assertRefused(widget, request("region", "North\u0000"), "region: control characters are not allowed");
        assertRefused(widget, request("region", "x".repeat(501)), "region: at most 500 characters, got 501");
    }

    @Test
    void an_unknown_parameter_is_refused_listing_the_ones_the_widget_takes() throws Exception {
        WidgetDefinition widget = widget("SELECT * FROM sales WHERE region = {region}", "[{\"type\": \"select\", \"field\": \"region\", \"default\": \"x\"}]");

        assertRefused(widget, request("regoin", "North"), "unknown parameter 'regoin': this widget takes region");
    }

    @Test
    void a_placeholder_without_a_value_asks_for_the_filters_parameter() throws Exception {
        WidgetDefinition widget = widget("SELECT * FROM sales WHERE region = {region}", "[{\"type\": \"select\", \"field\": \"region\"}]");

        assertRefused(widget, request(), "region: needs a value: send ?region=… (the filter has no default)");
    }

    @Test
    void a_placeholder_that_no_filter_defines_is_the_widgets_fault_not_the_requests() throws Exception {
        WidgetDefinition widget = widget("SELECT * FROM sales WHERE region = {regoin}", "[]");

        assertThatThrownBy(() -> resolve(widget, request()))
                .isInstanceOfSatisfying(WidgetDataException.class, e -> {
                    assertThat(e.reason()).isEqualTo(WidgetDataException.Reason.REFUSED);
                    assertThat(e.getMessage()).contains("the query uses {regoin} but no filter is named 'regoin'");
                });
    }

    @Test
    void a_drilldown_takes_the_clicked_points_fields_as_single_values() throws Exception {
        WidgetDefinition widget = widget("SELECT 1", "[]");

        Map<String, Object> values = FilterValues.resolve(widget, "SELECT * FROM orders WHERE month = '{month}'",
                request("month", "2026-03"), Set.of("month"), TODAY);

        assertThat(values).containsExactly(Map.entry("month", "2026-03"));
        assertThatThrownBy(() -> FilterValues.resolve(widget, "SELECT * FROM orders WHERE month = '{month}'",
                request(), Set.of("month"), TODAY)).hasMessageContaining("month: needs a value");
    }

    private static void assertRefused(WidgetDefinition widget, Map<String, List<String>> request, String message) {
        assertThatThrownBy(() -> resolve(widget, request))
                .isInstanceOfSatisfying(WidgetDataException.class, e -> {
                    assertThat(e.reason()).isEqualTo(WidgetDataException.Reason.BAD_FILTER);
                    assertThat(e.widgetKey()).isEqualTo("sales-by-month");
                    assertThat(e.getMessage()).contains(message);
                });
    }
}
