package io.flexboard.foundation.identity;

import io.flexboard.foundation.identity.Permission.Action;
import io.flexboard.foundation.identity.Permission.Resource;
import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.foundation.security.Authenticated;
import org.springframework.web.server.ServerWebExchange;

/**
 * Asks the {@link Permissions} table for the request's caller and answers a refusal the same way in every
 * service: a tenant the caller has no role in is 404 (its existence does not leak), a tenant it has a role
 * in but not this right is 403.
 */
public final class Access {

    private Access() {
    }

    /** The request's caller. */
    public static Caller caller(ServerWebExchange exchange) {
        return Authenticated.as(exchange, Caller.class);
    }

    /** Fails unless the caller may do {@code action} on {@code resource} of the tenant (null: not tenant-bound). */
    public static Caller require(ServerWebExchange exchange, Resource resource, Action action, String tenantId) {
        return require(caller(exchange), resource, action, tenantId, null);
    }

    /** {@link #require} with the id of the user who created the thing (for the editor's {@code own} scope). */
    public static Caller require(Caller caller, Resource resource, Action action, String tenantId, String createdBy) {
        if (Permissions.allows(caller, resource, action, tenantId, createdBy)) {
            return caller;
        }
        if (tenantId != null && !caller.covers(tenantId)) {
            throw ProblemException.notFound("unknown tenant");
        }
        throw ProblemException.forbidden("A " + caller.role().wireName() + " may not " + action.name().toLowerCase(java.util.Locale.ROOT)
                + " " + resource.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (tenantId == null ? "" : " of this tenant"));
    }
}
