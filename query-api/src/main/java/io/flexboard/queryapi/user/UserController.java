package io.flexboard.queryapi.user;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.flexboard.foundation.consistency.ReadYourWrites;
import io.flexboard.foundation.identity.Access;
import io.flexboard.foundation.identity.Caller;
import io.flexboard.foundation.identity.Permission.Action;
import io.flexboard.foundation.identity.Permission.Resource;
import io.flexboard.foundation.identity.Permissions;
import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.queryapi.web.Page;
import io.flexboard.queryapi.web.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * GET /api/users and /api/users/{userId}: a super-admin reads every user, a tenant-admin the users of its
 * tenants (and of each, only the tenants it shares); anyone else may not list users. A user the reader may
 * not see answers 404, like one that does not exist.
 */
@RestController
@ReadYourWrites
@RequestMapping("/api/users")
class UserController {

    private final UserReadModel users;

    UserController(UserReadModel users) {
        this.users = users;
    }

    @Operation(summary = "List users (super-admin: all; tenant-admin: those of its tenants)")
    @GetMapping
    Mono<ResponseEntity<List<UserView>>> list(
            @Parameter(description = "Page size", schema = @Schema(minimum = "1", maximum = "200", defaultValue = "50"))
            @RequestParam(required = false) Integer limit,
            @Parameter(description = "The opaque cursor of the previous page's Link rel=next") @RequestParam(required = false) String cursor,
            ServerWebExchange exchange, ServerHttpRequest request) {
        Caller caller = Access.caller(exchange);
        PageRequest page = PageRequest.of(limit, cursor);
        Set<String> within = readableTenants(caller);
        return Mono.defer(() -> users.page(page, within).map(user -> within == null ? user : user.seenWithin(within)).collectList())
                .map(rows -> Page.of(rows, page, UserReadModel::cursorAfter).toResponse(request, page));
    }

    @Operation(summary = "One user (404 for a user the caller may not see)")
    @GetMapping("/{userId}")
    Mono<UserView> one(@PathVariable UUID userId, ServerWebExchange exchange) {
        Caller caller = Access.caller(exchange);
        Set<String> within = readableTenants(caller);
        return users.byId(userId)
                .filter(user -> within == null || user.tenantIds().stream().anyMatch(tenant -> within.contains(tenant.toString())))
                .map(user -> within == null ? user : user.seenWithin(within))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("No user " + userId)));
    }

    /** null: every user; else the tenants whose users the caller may read (never empty: that is a 403). */
    private static Set<String> readableTenants(Caller caller) {
        if (Permissions.allows(caller, Resource.USERS, Action.READ, null)) {
            return null;
        }
        Set<String> readable = caller.tenantIds().stream()
                .filter(tenant -> Permissions.allows(caller, Resource.USERS, Action.READ, tenant))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        if (readable.isEmpty()) {
            throw ProblemException.forbidden("A " + caller.role().wireName() + " may not read users");
        }
        return readable;
    }
}
