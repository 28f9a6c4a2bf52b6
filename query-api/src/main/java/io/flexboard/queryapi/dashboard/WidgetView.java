package io.flexboard.queryapi.dashboard;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import java.util.UUID;

/** A widget of a dashboard; {@code config} is the stored jsonb passed through unparsed. */
public record WidgetView(
        UUID id,
        String name,
        String widgetType,
        @Schema(implementation = Map.class, description = "The widget's config as stored: query, type, …") @JsonRawValue String config,
        int positionX,
        int positionY,
        int width,
        int height) {
}
