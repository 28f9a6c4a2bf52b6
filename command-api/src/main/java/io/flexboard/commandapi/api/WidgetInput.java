package io.flexboard.commandapi.api;

import java.util.Map;

/**
 * One widget as the builder sent it; nulls are fields the builder left out. {@code id} is the id of
 * an existing widget of the tenant sent back, and null for a new widget (the server mints its id).
 */
public record WidgetInput(
        String id,
        String name,
        String widgetType,
        Map<String, Object> config,
        Integer positionX,
        Integer positionY,
        Integer width,
        Integer height) {
}
