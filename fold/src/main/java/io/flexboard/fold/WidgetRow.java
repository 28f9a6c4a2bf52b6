package io.flexboard.fold;

import java.util.UUID;

/** A row of {@code widgets}; {@code sortOrder} is the widget's index in the list the builder sent. */
public record WidgetRow(
        UUID id,
        UUID tenantId,
        UUID dashboardId,
        String name,
        String widgetType,
        JsonDocument config,
        int positionX,
        int positionY,
        int width,
        int height,
        int sortOrder) {
}
