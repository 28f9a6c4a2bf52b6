package io.flexboard.commandapi.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Add a dashboard to a tenant. {@code expectedVersion} is the If-Match precondition, or null. */
public record CreateDashboardCommand(
        @TargetAggregateIdentifier String tenantId,
        @TargetAggregateVersion Long expectedVersion,
        String dashboardId,
        String name,
        String slug,
        String description) {
}
