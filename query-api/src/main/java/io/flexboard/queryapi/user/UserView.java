package io.flexboard.queryapi.user;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user as the users screen lists them; snake_case on the wire. Never a password or its hash. */
record UserView(
        UUID id,
        String email,
        String name,
        String role,
        List<UUID> tenantIds,
        boolean isActive,
        Instant createdAt,
        Instant updatedAt) {

    /** The user with only the tenants the reader may know of: another tenant's id would say it exists. */
    UserView seenWithin(java.util.Set<String> readerTenants) {
        return new UserView(id, email, name, role,
                tenantIds.stream().filter(tenant -> readerTenants.contains(tenant.toString())).toList(),
                isActive, createdAt, updatedAt);
    }
}
