package io.flexboard.commandapi.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Create a tenant and issue its first agent API key. Only the key's hash travels in the command;
 * the plain key is returned to the admin once by the HTTP layer.
 */
public record CreateTenantCommand(
        @TargetAggregateIdentifier String tenantId,
        String name,
        String slug,
        String licenseType,
        Integer maxDashboards,
        Integer maxWidgetsPerDashboard,
        IssuedApiKey apiKey) {
}
