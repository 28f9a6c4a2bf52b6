package io.flexboard.commandapi.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Create a user. {@code passwordHash} is the BCrypt hash the HTTP layer made (null: the user signs in only
 * through SSO); the plain password never reaches a command.
 */
public record CreateUserCommand(
        @TargetAggregateIdentifier String userId,
        String email,
        String name,
        String passwordHash,
        String role,
        List<String> tenantIds) {

    @Override
    public String toString() {
        // Never the hash in a log line.
        return "CreateUserCommand[userId=" + userId + ", role=" + role + ", tenantIds=" + tenantIds + "]";
    }
}
