package io.flexboard.queryapi.identity;

import java.util.UUID;

import io.flexboard.foundation.identity.Access;
import io.flexboard.foundation.identity.Caller;
import io.flexboard.foundation.identity.Permissions;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.server.ServerWebExchange;

/**
 * The tenants a caller's lists and aggregates cover: every tenant for a super-admin, else only the caller's
 * own, so another tenant is neither listed nor counted (docs/SECURITY.md).
 */
public final class VisibleTenants {

    private static final VisibleTenants EVERY = new VisibleTenants(null);

    private final UUID[] only;

    private VisibleTenants(UUID[] only) {
        this.only = only;
    }

    /** The request's caller's tenants. */
    public static VisibleTenants of(ServerWebExchange exchange) {
        Caller caller = Access.caller(exchange);
        return Permissions.seesEveryTenant(caller) ? EVERY
                : new VisibleTenants(caller.tenantIds().stream().map(UUID::fromString).toArray(UUID[]::new));
    }

    /** True for a super-admin: no condition needed. */
    public boolean isEvery() {
        return only == null;
    }

    /** The caller's tenants; empty for a super-admin, so ask {@link #isEvery()} first. */
    public UUID[] only() {
        return only == null ? new UUID[0] : only.clone();
    }

    /**
     * The SQL condition "{@code column} is one of the caller's tenants" on parameter {@code $index}
     * (1-based), which {@link #bind} fills: true for every row when the caller sees every tenant.
     */
    public static String condition(String column, int index) {
        return "($" + index + "::uuid[] is null or " + column + " = any($" + index + "::uuid[]))";
    }

    /** Binds the parameter of {@link #condition} (0-based {@code index} = its number − 1). */
    public DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec query, int index) {
        return only == null ? query.bindNull(index, UUID[].class) : query.bind(index, only.clone());
    }
}
