package io.flexboard.commandapi.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Pause a tenant: its agents are refused syncs until it is activated; {@code reason} is the admin's note, or null. */
public record PauseTenantCommand(
        @TargetAggregateIdentifier String tenantId,
        @TargetAggregateVersion Long expectedVersion,
        String reason) {
}
