package io.flexboard.commandapi.api;

import java.util.Map;

/**
 * One widget as the builder sent it; nulls are fields the builder left out. {@code id} is kept when
 * the builder sends an existing widget back, and assigned when absent.
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
