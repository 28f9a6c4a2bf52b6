package io.flexboard.queryapi.identity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.flexboard.foundation.identity.Access;
import io.flexboard.foundation.identity.Caller;
import io.flexboard.foundation.identity.Permission.Action;
import io.flexboard.foundation.identity.Permission.Resource;
import io.flexboard.foundation.identity.Permissions;
import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.foundation.security.RequestAdmission;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every read asks the foundation's permission table before its handler runs: a tenant's resources by
 * the tenant in the path (a dashboard's by the tenant it belongs to). A tenant the caller has no role in
 * answers 404, as if it did not exist; one it has a role in but not this right, 403. Paths not named here
 * are a super-admin's (deny by default: a new endpoint is closed until it is placed in the table).
 * Lists and aggregates (tenants, users, overview, sync status) filter themselves ({@link VisibleTenants}).
 */
@Component
@Order(0)
class ReadAccess implements RequestAdmission {

    /** What the segment after /api/tenants/{id}/ reads. */
    private static final Map<String, Resource> TENANT_PARTS = Map.of(
            "dashboards", Resource.DASHBOARDS,
            "versions", Resource.VERSIONS,
            "branding", Resource.BRANDING,
            "history", Resource.HISTORY,
            "diff", Resource.HISTORY,
            "state", Resource.HISTORY,
            // Where the tenant's agents stand is part of reading the tenant: every role of it sees on landing
            // whether its customers are served.
            "agents", Resource.TENANTS,
            // The ids an editor picks a widget's dataSource from: part of editing dashboards, not of operating agents.
            "data-sources", Resource.WIDGETS,
            "api-keys", Resource.API_KEYS);
    /** Paths every signed-in caller may reach; their handlers decide what each one sees. */
    private static final List<String> SELF_FILTERING = List.of("/api/me", "/api/auth/jwks", "/api/tenants", "/api/users",
            "/api/overview", "/api/sync-status");

    private final DashboardOwners dashboards;

    ReadAccess(DashboardOwners dashboards) {
        this.dashboards = dashboards;
    }

    @Override
    public Mono<Void> admit(ServerWebExchange exchange) {
        Caller caller = Access.caller(exchange);
        if (Permissions.seesEveryTenant(caller)) {
            return Mono.empty();
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        String[] segments = path.split("/");
        if (SELF_FILTERING.contains(path) || path.startsWith("/api/users/")) {
            return Mono.empty();
        }
        if (segments.length >= 4 && path.startsWith("/api/tenants/")) {
            Resource resource = segments.length == 4 ? Resource.TENANTS : TENANT_PARTS.getOrDefault(segments[4], Resource.OPERATIONS);
            UUID tenantId = uuidOrNull(segments[3]);
            if (tenantId == null) {
                return Mono.empty(); // the handler answers 400 naming the parameter
            }
            return Mono.fromRunnable(() -> Access.require(caller, resource, Action.READ, tenantId.toString(), null));
        }
        if (segments.length == 4 && path.startsWith("/api/dashboards/")) {
            UUID dashboardId = uuidOrNull(segments[3]);
            if (dashboardId == null) {
                return Mono.empty(); // the handler answers 400 naming the parameter
            }
            return dashboards.tenantOf(dashboardId)
                    .doOnNext(tenant -> Access.require(caller, Resource.DASHBOARDS, Action.READ, tenant.toString(), null))
                    .then();
        }
        return Mono.error(ProblemException.forbidden("A " + caller.role().wireName() + " may not read " + path));
    }

    private static UUID uuidOrNull(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
