package io.flexboard.commandapi.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change a user (PATCH): a null field keeps its value; {@code passwordHash} set replaces the password. */
public record ChangeUserCommand(
        @TargetAggregateIdentifier String userId,
        String email,
        String name,
        String passwordHash,
        String role,
        List<String> tenantIds) {

    @Override
    public String toString() {
        return "ChangeUserCommand[userId=" + userId + ", role=" + role + ", tenantIds=" + tenantIds
                + ", passwordChanged=" + (passwordHash != null) + "]";
    }
}
