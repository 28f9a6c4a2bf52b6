package io.flexboard.commandapi.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Remove the tenant's branding: the viewer goes back to Flexboard's own look with the next published version. */
public record ClearTenantBrandingCommand(
        @TargetAggregateIdentifier String tenantId,
        @TargetAggregateVersion Long expectedVersion) {
}
