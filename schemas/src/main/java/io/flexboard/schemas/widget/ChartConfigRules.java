package io.flexboard.schemas.widget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The cross-field rules of {@code chartConfig}: a series is drawn against a y axis that exists, and a
 * gauge's scale runs upwards. Either mistake would otherwise show on-premise as an empty or inverted
 * chart, far from the builder who made it.
 */
final class ChartConfigRules {

    private ChartConfigRules() {
    }

    /** Expects a config the schema accepted: yAxis is an axis or a list of one to four, yAxisIndex a small integer. */
    static List<ConfigViolation> violations(JsonNode config) {
        List<ConfigViolation> found = new ArrayList<>();
        JsonNode chart = config.path("chartConfig");
        JsonNode yAxis = chart.path("yAxis");
        // No yAxis is one default axis, as a single AxisConfig is.
        int axes = yAxis.isArray() ? yAxis.size() : 1;
        JsonNode series = chart.path("series");
        for (int i = 0; i < series.size(); i++) {
            JsonNode index = series.get(i).path("yAxisIndex");
            if (index.isNumber() && index.intValue() >= axes) {
                found.add(new ConfigViolation("chartConfig.series[" + i + "].yAxisIndex", axes == 1
                        ? "must be 0: chartConfig.yAxis defines one axis"
                        : "must be below " + axes + ", the number of chartConfig.yAxis entries"));
            }
        }
        JsonNode min = chart.path("min");
        JsonNode max = chart.path("max");
        if (min.isNumber() && max.isNumber() && exact(min).compareTo(exact(max)) >= 0) {
            found.add(new ConfigViolation("chartConfig.max", "must be above chartConfig.min (" + plain(min) + ")"));
        }
        return found;
    }

    /** 1e300 and 0.1 compared exactly, as the schema's bounds are. */
    private static BigDecimal exact(JsonNode number) {
        return number.decimalValue();
    }

    private static String plain(JsonNode number) {
        String text = exact(number).stripTrailingZeros().toPlainString();
        // A hostile 1e300 would print three hundred digits.
        return text.length() <= 24 ? text : number.toString();
    }
}
