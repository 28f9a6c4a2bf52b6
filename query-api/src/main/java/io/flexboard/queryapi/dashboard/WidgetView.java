package io.flexboard.queryapi.dashboard;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.UUID;

/** A widget of a dashboard; {@code config} is the stored jsonb passed through unparsed. */
public record WidgetView(
        UUID id,
        String name,
        String widgetType,
        @JsonRawValue String config,
        int positionX,
        int positionY,
        int width,
        int height) {
}
