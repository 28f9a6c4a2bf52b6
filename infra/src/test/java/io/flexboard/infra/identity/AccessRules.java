package io.flexboard.infra.identity;

import static io.flexboard.foundation.identity.Role.DASHBOARD_EDITOR;
import static io.flexboard.foundation.identity.Role.TENANT_ADMIN;

import io.flexboard.foundation.identity.Role;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The roadmap's permission table (docs/SECURITY.md) written out per operation, independently of the foundation's
 * {@code Permissions}, so the matrix checks the code against the table rather than against itself.
 */
final class AccessRules {

    /** What a cell answers, as the matrix sees it. */
    enum Outcome { ALLOWED, FORBIDDEN, HIDDEN, UNAUTHENTICATED }

    /**
     * How an operation is bound: to the tenant in its path (another tenant's answers 404), to no tenant (403 for a
     * role without the right), to a user (who belong to no one tenant), or to an agent's API key (no person's
     * credential opens it).
     */
    enum Scope { TENANT, GLOBAL, USER, AGENT }

    /** Which roles besides super-admin may use an operation in their own tenants. */
    record Rule(Scope scope, Set<Role> allowed) {
    }

    static final Map<String, Rule> RULES = new LinkedHashMap<>();

    static {
        Set<Role> everyone = EnumSet.allOf(Role.class);
        Set<Role> tenantAdmin = EnumSet.of(TENANT_ADMIN);
        Set<Role> superAdminOnly = EnumSet.noneOf(Role.class);
        // command-api
        RULES.put("POST /api/tenants", new Rule(Scope.GLOBAL, superAdminOnly));
        RULES.put("POST /api/tenants/{tenantId}/dashboards", new Rule(Scope.TENANT, EnumSet.of(TENANT_ADMIN, DASHBOARD_EDITOR)));
        // The editor's own dashboards are walked apart: here the dashboard is the admin's.
        RULES.put("PUT /api/dashboards/{dashboardId}/widgets", new Rule(Scope.TENANT, tenantAdmin));
        RULES.put("POST /api/tenants/{tenantId}/api-keys", new Rule(Scope.TENANT, tenantAdmin));
        RULES.put("DELETE /api/tenants/{tenantId}/api-keys/{keyId}", new Rule(Scope.TENANT, tenantAdmin));
        RULES.put("POST /api/tenants/{tenantId}/pause", new Rule(Scope.TENANT, superAdminOnly));
        RULES.put("POST /api/tenants/{tenantId}/activate", new Rule(Scope.TENANT, superAdminOnly));
        RULES.put("PUT /api/tenants/{tenantId}/branding", new Rule(Scope.TENANT, superAdminOnly));
        RULES.put("DELETE /api/tenants/{tenantId}/branding", new Rule(Scope.TENANT, superAdminOnly));
        RULES.put("POST /api/tenants/{tenantId}/versions", new Rule(Scope.TENANT, tenantAdmin));
        RULES.put("POST /api/tenants/{tenantId}/versions/{versionId}/restore", new Rule(Scope.TENANT, tenantAdmin));
        RULES.put("POST /api/tenants/{tenantId}/versions/{versionId}/publish", new Rule(Scope.TENANT, tenantAdmin));
        RULES.put("POST /api/users", new Rule(Scope.GLOBAL, superAdminOnly));
        RULES.put("PATCH /api/users/{userId}", new Rule(Scope.USER, superAdminOnly));
        RULES.put("DELETE /api/users/{userId}", new Rule(Scope.USER, superAdminOnly));
        // query-api
        RULES.put("GET /api/me", new Rule(Scope.GLOBAL, everyone));
        RULES.put("GET /api/tenants", new Rule(Scope.GLOBAL, everyone));
        RULES.put("GET /api/sync-status", new Rule(Scope.GLOBAL, everyone));
        RULES.put("GET /api/overview", new Rule(Scope.GLOBAL, everyone));
        RULES.put("GET /api/users", new Rule(Scope.GLOBAL, tenantAdmin));
        RULES.put("GET /api/users/{userId}", new Rule(Scope.USER, tenantAdmin));
        RULES.put("GET /api/ops/lag", new Rule(Scope.GLOBAL, superAdminOnly));
        RULES.put("GET /api/tenants/{tenantId}", new Rule(Scope.TENANT, everyone));
        RULES.put("GET /api/tenants/{tenantId}/dashboards", new Rule(Scope.TENANT, everyone));
        RULES.put("GET /api/dashboards/{dashboardId}", new Rule(Scope.TENANT, everyone));
        RULES.put("GET /api/tenants/{tenantId}/versions", new Rule(Scope.TENANT, everyone));
        RULES.put("GET /api/tenants/{tenantId}/versions/{versionId}", new Rule(Scope.TENANT, everyone));
        RULES.put("GET /api/tenants/{tenantId}/branding", new Rule(Scope.TENANT, everyone));
        RULES.put("GET /api/tenants/{tenantId}/agents", new Rule(Scope.TENANT, everyone));
        RULES.put("GET /api/tenants/{tenantId}/data-sources", new Rule(Scope.TENANT, everyone));
        RULES.put("GET /api/tenants/{tenantId}/api-keys", new Rule(Scope.TENANT, tenantAdmin));
        RULES.put("GET /api/tenants/{tenantId}/history", new Rule(Scope.TENANT, tenantAdmin));
        RULES.put("GET /api/tenants/{tenantId}/state", new Rule(Scope.TENANT, tenantAdmin));
        RULES.put("GET /api/tenants/{tenantId}/diff", new Rule(Scope.TENANT, tenantAdmin));
        // projector: operating the platform is a super-admin's
        RULES.put("GET /api/ops/rebuilds", new Rule(Scope.GLOBAL, superAdminOnly));
        RULES.put("POST /api/ops/rebuilds", new Rule(Scope.GLOBAL, superAdminOnly));
        RULES.put("GET /api/ops/rebuilds/{id}", new Rule(Scope.GLOBAL, superAdminOnly));
        RULES.put("DELETE /api/ops/rebuilds/{id}", new Rule(Scope.GLOBAL, superAdminOnly));
        RULES.put("GET /api/ops/quarantines", new Rule(Scope.GLOBAL, superAdminOnly));
        RULES.put("POST /api/ops/quarantines/{tenantId}/skip", new Rule(Scope.GLOBAL, superAdminOnly));
        RULES.put("POST /api/ops/quarantines/{tenantId}/retry", new Rule(Scope.GLOBAL, superAdminOnly));
        // agent-bridge: an agent's API key, never a person's token
        RULES.put("POST /api/agent/sync", new Rule(Scope.AGENT, superAdminOnly));
    }

    private AccessRules() {
    }

    /** What the table says a caller of {@code role} (null: no credential) gets in its own tenant or another. */
    static Outcome expected(Rule rule, Role role, boolean ownTenant) {
        if (role == null || rule.scope() == Scope.AGENT) {
            return Outcome.UNAUTHENTICATED;
        }
        if (role == Role.SUPER_ADMIN) {
            return Outcome.ALLOWED;
        }
        return switch (rule.scope()) {
            case TENANT -> !ownTenant ? Outcome.HIDDEN : rule.allowed().contains(role) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
            // A role with no right to users at all is refused for any id, which says nothing of whether it exists.
            case USER -> !rule.allowed().contains(role) ? Outcome.FORBIDDEN : ownTenant ? Outcome.ALLOWED : Outcome.HIDDEN;
            default -> rule.allowed().contains(role) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
        };
    }

    /**
     * What a status means for the cell: past the access check, any answer is the handler's (a 400 for the matrix's
     * placeholder body, a 409 for a version published before). A 404 of a tenant-bound cell is the access check's
     * hiding; of a global one (an unknown rebuild id), the handler's: the caller was let in.
     */
    static Outcome observed(int status, Scope scope) {
        return switch (status) {
            case 401 -> Outcome.UNAUTHENTICATED;
            case 403 -> Outcome.FORBIDDEN;
            case 404 -> scope == Scope.GLOBAL ? Outcome.ALLOWED : Outcome.HIDDEN;
            default -> Outcome.ALLOWED;
        };
    }
}
