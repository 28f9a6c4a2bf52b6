package io.flexboard.fold;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A row of {@code users} as the events make it: no password, no hash (those never leave command-api).
 * {@code created_at} is set by the UserCreatedEvent; a later change keeps it.
 */
public record UserRow(
        UUID id,
        String email,
        String name,
        String role,
        List<UUID> tenantIds,
        boolean isActive,
        Instant createdAt,
        Instant updatedAt) {

    public UserRow {
        tenantIds = List.copyOf(tenantIds);
    }

    UserRow changedTo(UserRow change) {
        return new UserRow(id, change.email(), change.name(), change.role(), change.tenantIds(), isActive, createdAt,
                change.updatedAt());
    }

    UserRow disabled(Instant at) {
        return new UserRow(id, email, name, role, tenantIds, false, createdAt, at);
    }
}
