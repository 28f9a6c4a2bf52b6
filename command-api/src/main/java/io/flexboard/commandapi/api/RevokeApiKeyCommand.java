package io.flexboard.commandapi.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Revoke one of the tenant's API keys: every agent-bridge replica refuses it from then on. */
public record RevokeApiKeyCommand(
        @TargetAggregateIdentifier String tenantId,
        @TargetAggregateVersion Long expectedVersion,
        String keyId) {
}
