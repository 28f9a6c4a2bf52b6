package io.flexboard.foundation.identity;

import static io.flexboard.foundation.identity.Permission.Action.ANY;
import static io.flexboard.foundation.identity.Permission.Action.CREATE;
import static io.flexboard.foundation.identity.Permission.Action.READ;
import static io.flexboard.foundation.identity.Permission.Action.UPDATE;
import static io.flexboard.foundation.identity.Permission.Scope.ALL;
import static io.flexboard.foundation.identity.Permission.Scope.OWN;
import static io.flexboard.foundation.identity.Permission.Scope.TENANT;

import io.flexboard.foundation.identity.Permission.Action;
import io.flexboard.foundation.identity.Permission.Resource;
import java.util.List;
import java.util.Map;

/**
 * The one permission table (the roadmap's "Enterprise Features", docs/SECURITY.md), asked by command-api
 * before a command reaches an aggregate and by query-api on every read. Nothing else decides who may do
 * what: a rule written twice drifts.
 */
public final class Permissions {

    private static final Map<Role, List<Permission>> TABLE = Map.of(
            Role.SUPER_ADMIN, List.of(
                    new Permission(Resource.ANY, ANY, ALL)),
            Role.TENANT_ADMIN, List.of(
                    new Permission(Resource.TENANTS, READ, TENANT),
                    new Permission(Resource.DASHBOARDS, ANY, TENANT),
                    new Permission(Resource.WIDGETS, ANY, TENANT),
                    new Permission(Resource.VERSIONS, ANY, TENANT),
                    new Permission(Resource.API_KEYS, ANY, TENANT),
                    new Permission(Resource.BRANDING, READ, TENANT),
                    new Permission(Resource.HISTORY, READ, TENANT),
                    new Permission(Resource.USERS, READ, TENANT)),
            Role.DASHBOARD_EDITOR, List.of(
                    new Permission(Resource.TENANTS, READ, TENANT),
                    new Permission(Resource.DASHBOARDS, READ, TENANT),
                    new Permission(Resource.DASHBOARDS, CREATE, TENANT),
                    new Permission(Resource.DASHBOARDS, UPDATE, OWN),
                    new Permission(Resource.WIDGETS, ANY, OWN),
                    new Permission(Resource.WIDGETS, READ, TENANT),
                    new Permission(Resource.VERSIONS, READ, TENANT),
                    new Permission(Resource.BRANDING, READ, TENANT)),
            Role.VIEWER, List.of(
                    new Permission(Resource.TENANTS, READ, TENANT),
                    new Permission(Resource.DASHBOARDS, READ, TENANT),
                    new Permission(Resource.WIDGETS, READ, TENANT),
                    new Permission(Resource.VERSIONS, READ, TENANT),
                    new Permission(Resource.BRANDING, READ, TENANT)));

    private Permissions() {
    }

    /** The role's lines of the table, for /api/me and the docs. */
    public static List<Permission> of(Role role) {
        return TABLE.get(role);
    }

    /**
     * Whether the caller may do {@code action} on {@code resource} of tenant {@code tenantId} (null: not
     * tenant-bound, e.g. the user list). {@code createdBy} is the id of the user who created the thing, or null
     * when unknown or not applicable: an {@code OWN} line then never matches.
     */
    public static boolean allows(Caller caller, Resource resource, Action action, String tenantId, String createdBy) {
        for (Permission line : TABLE.get(caller.role())) {
            if (line.matches(resource, action) && inScope(caller, line.scope(), tenantId, createdBy)) {
                return true;
            }
        }
        return false;
    }

    /** {@link #allows} for a resource that has no creator (tenants, versions, the tenant's lists). */
    public static boolean allows(Caller caller, Resource resource, Action action, String tenantId) {
        return allows(caller, resource, action, tenantId, null);
    }

    /** True when the caller sees every tenant; otherwise lists show only {@link Caller#tenantIds()}. */
    public static boolean seesEveryTenant(Caller caller) {
        return caller.role() == Role.SUPER_ADMIN;
    }

    private static boolean inScope(Caller caller, Permission.Scope scope, String tenantId, String createdBy) {
        return switch (scope) {
            case ALL -> true;
            case TENANT -> tenantId != null && caller.covers(tenantId);
            case OWN -> tenantId != null && caller.covers(tenantId) && caller.id().equals(createdBy);
        };
    }
}
