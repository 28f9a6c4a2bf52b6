package io.flexboard.commandapi.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Issue another named API key to the tenant's agents (rotation: issue, deploy, revoke the old one).
 * Only the key's hash travels in the command; the plain key is returned to the admin once by the HTTP layer.
 */
public record IssueApiKeyCommand(
        @TargetAggregateIdentifier String tenantId,
        @TargetAggregateVersion Long expectedVersion,
        String name,
        IssuedApiKey apiKey) {
}
