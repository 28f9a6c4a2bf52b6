package io.flexboard.commandapi.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Save an earlier version's snapshot, unchanged, as the next numbered draft ({@code newVersionId}),
 * and set the tenant's dashboards back to it; history is never rewritten.
 */
public record RestoreVersionCommand(
        @TargetAggregateIdentifier String tenantId,
        @TargetAggregateVersion Long expectedVersion,
        String versionId,
        String newVersionId,
        String message) {
}
