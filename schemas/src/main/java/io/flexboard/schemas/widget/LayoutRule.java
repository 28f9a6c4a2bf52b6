package io.flexboard.schemas.widget;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * A config's {@code layout} fits the 12-column grid: {@code x + width} is at most 12, as command-api
 * asks of a widget's {@code position_x + width}. The widget's own grid fields stay the source of truth
 * (docs/widget-config.md); a layout that could never be drawn is refused all the same, so no reader
 * of the config meets one.
 */
final class LayoutRule {

    static final int GRID_COLUMNS = 12;

    private LayoutRule() {
    }

    /** Expects a config the schema accepted: x and width are small integers when layout is present. */
    static List<ConfigViolation> violations(JsonNode config) {
        JsonNode layout = config.path("layout");
        if (!layout.isObject()) {
            return List.of();
        }
        int x = layout.path("x").intValue();
        int width = layout.path("width").intValue();
        return x + width <= GRID_COLUMNS ? List.of()
                : List.of(new ConfigViolation("layout.width", "layout.x + layout.width must be at most " + GRID_COLUMNS
                        + ", got " + x + " + " + width));
    }
}
