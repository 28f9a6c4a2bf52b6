package io.flexboard.queryapi.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import io.flexboard.foundation.identity.AccessTokens;
import io.flexboard.foundation.identity.Caller;
import io.flexboard.foundation.identity.Access;
import io.flexboard.foundation.identity.Permissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * GET /api/me (who the token stands for: the builder's screens are driven by it) and GET /api/auth/jwks
 * (the public key other systems verify the control plane's access tokens with).
 */
@RestController
class MeController {

    private final AccessTokens accessTokens;

    MeController(AccessTokens accessTokens) {
        this.accessTokens = accessTokens;
    }

    @Operation(summary = "The caller: id, email, name, role, tenants and the role's permissions")
    @GetMapping("/api/me")
    Map<String, Object> me(ServerWebExchange exchange) {
        Caller caller = Access.caller(exchange);
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("id", caller.id());
        me.put("email", caller.email());
        me.put("name", caller.displayName());
        me.put("role", caller.role().wireName());
        me.put("tenant_ids", caller.sortedTenantIds());
        me.put("admin_token", caller.isAdminToken());
        me.put("permissions", Permissions.of(caller.role()).stream().map(permission -> Map.of(
                "resource", permission.resource().name().toLowerCase(java.util.Locale.ROOT),
                "action", permission.action().name().toLowerCase(java.util.Locale.ROOT),
                "scope", permission.scope().name().toLowerCase(java.util.Locale.ROOT))).toList());
        return me;
    }

    @Operation(summary = "The access tokens' public key as a JWK set (RS256)")
    @SecurityRequirements
    @GetMapping("/api/auth/jwks")
    Map<String, Object> jwks() {
        return accessTokens.jwkSet();
    }
}
