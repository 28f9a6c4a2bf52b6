package io.flexboard.commandapi.api;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Replace the whole widget list of one dashboard. {@code newWidgetIds} are ids the server minted,
 * given in order to the widgets sent without an id: an id a client sends must be one this tenant
 * issued, so another tenant's widget id can never enter this tenant's events.
 */
public record ReplaceWidgetsCommand(
        @TargetAggregateIdentifier String tenantId,
        @TargetAggregateVersion Long expectedVersion,
        String dashboardId,
        List<WidgetInput> widgets,
        List<String> newWidgetIds) {
}
