package io.flexboard.commandapi.access;

import java.util.Optional;
import java.util.UUID;

import io.flexboard.commandapi.tenant.DashboardOwners;
import io.flexboard.foundation.identity.Access;
import io.flexboard.foundation.identity.Caller;
import io.flexboard.foundation.identity.Permission.Action;
import io.flexboard.foundation.identity.Permission.Resource;
import io.flexboard.foundation.identity.Permissions;
import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.foundation.security.RequestAdmission;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Every command asks the foundation's permission table before it reaches an aggregate: what the route
 * does to which tenant (a dashboard's widgets: the tenant it belongs to and who created it). Another
 * tenant answers 404, as query-api does; a right the caller's role lacks, 403. Routes not named here
 * are a super-admin's: a new route is closed until it is placed in the table. The user routes check
 * their own (users belong to no single tenant).
 */
@Component
@Order(0)
class CommandAccess implements RequestAdmission {

    private final DashboardOwners owners;

    CommandAccess(DashboardOwners owners) {
        this.owners = owners;
    }

    /** What a route does, to which tenant; {@code dashboardId} set when the tenant is the dashboard's. */
    private record Needed(Resource resource, Action action, String tenantId, String dashboardId) {
    }

    @Override
    public Mono<Void> admit(ServerWebExchange exchange) {
        Caller caller = Access.caller(exchange);
        if (Permissions.seesEveryTenant(caller)) {
            return Mono.empty();
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith("/api/users") || path.startsWith("/api/auth/")) {
            return Mono.empty();
        }
        Optional<Needed> needed = needed(exchange.getRequest().getMethod(), path.split("/"));
        if (needed.isEmpty()) {
            return Mono.error(ProblemException.forbidden("A " + caller.role().wireName() + " may not do this"));
        }
        Needed need = needed.get();
        if (need.tenantId() == null && need.dashboardId() == null) {
            return Mono.empty(); // a malformed id: the handler answers 400 naming it
        }
        if (need.dashboardId() == null) {
            return Mono.fromRunnable(() -> Access.require(caller, need.resource(), need.action(), need.tenantId(), null));
        }
        // Blocking JDBC (the command side's table): off the event loop.
        return Mono.fromRunnable(() -> owners.ownerOf(need.dashboardId()).ifPresent(owner ->
                        Access.require(caller, need.resource(), need.action(), owner.tenantId(), owner.createdBy())))
                .subscribeOn(Schedulers.boundedElastic()).then();
    }

    /** The table's question for a route, or empty for a route only a super-admin may use. */
    private static Optional<Needed> needed(HttpMethod method, String[] s) {
        // s[0] is "" (the leading slash), s[1] "api".
        if (s.length >= 4 && s[2].equals("tenants")) {
            String tenant = uuid(s[3]);
            if (s.length == 5) {
                return switch (s[4]) {
                    case "pause", "activate" -> Optional.of(new Needed(Resource.TENANTS, Action.UPDATE, tenant, null));
                    case "branding" -> Optional.of(new Needed(Resource.BRANDING,
                            HttpMethod.DELETE.equals(method) ? Action.DELETE : Action.UPDATE, tenant, null));
                    case "dashboards" -> Optional.of(new Needed(Resource.DASHBOARDS, Action.CREATE, tenant, null));
                    case "versions" -> Optional.of(new Needed(Resource.VERSIONS, Action.CREATE, tenant, null));
                    case "api-keys" -> Optional.of(new Needed(Resource.API_KEYS, Action.CREATE, tenant, null));
                    default -> Optional.empty();
                };
            }
            if (s.length == 6 && s[4].equals("api-keys")) {
                return Optional.of(new Needed(Resource.API_KEYS, Action.DELETE, tenant, null));
            }
            if (s.length == 7 && s[4].equals("versions")) {
                return switch (s[6]) {
                    case "publish" -> Optional.of(new Needed(Resource.VERSIONS, Action.PUBLISH, tenant, null));
                    case "restore" -> Optional.of(new Needed(Resource.VERSIONS, Action.CREATE, tenant, null));
                    default -> Optional.empty();
                };
            }
        }
        if (s.length == 5 && s[2].equals("dashboards") && s[4].equals("widgets")) {
            String dashboard = uuid(s[3]);
            return Optional.of(dashboard == null ? new Needed(Resource.WIDGETS, Action.UPDATE, null, null)
                    : new Needed(Resource.WIDGETS, Action.UPDATE, null, dashboard));
        }
        return Optional.empty();
    }

    private static String uuid(String value) {
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
