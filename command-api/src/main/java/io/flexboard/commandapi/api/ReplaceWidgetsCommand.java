package io.flexboard.commandapi.api;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Replace the whole widget list of one dashboard. */
public record ReplaceWidgetsCommand(
        @TargetAggregateIdentifier String tenantId,
        @TargetAggregateVersion Long expectedVersion,
        String dashboardId,
        List<WidgetInput> widgets) {
}
