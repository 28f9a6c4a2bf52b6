package io.flexboard.foundation.identity;

import java.util.Arrays;
import java.util.Optional;

/** The roadmap's four roles (docs/SECURITY.md); the wire name is what users, tokens and events carry. */
public enum Role {
    SUPER_ADMIN("super-admin"),
    TENANT_ADMIN("tenant-admin"),
    DASHBOARD_EDITOR("dashboard-editor"),
    VIEWER("viewer");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The name in JSON, tokens and events, e.g. {@code tenant-admin}. */
    public String wireName() {
        return wireName;
    }

    /** The role with this wire name, if there is one (exact match: a role is a contract, not free text). */
    public static Optional<Role> named(String wireName) {
        return Arrays.stream(values()).filter(role -> role.wireName.equals(wireName)).findFirst();
    }
}
