package io.flexboard.commandapi.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Disable a user (DELETE /api/users/:id): no more sign-ins or refreshes; the audit trail keeps them. */
public record DisableUserCommand(@TargetAggregateIdentifier String userId) {
}
