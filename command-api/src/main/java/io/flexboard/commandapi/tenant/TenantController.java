package io.flexboard.commandapi.tenant;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.flexboard.commandapi.api.CreateTenantCommand;
import io.flexboard.commandapi.apikey.ApiKeys;
import io.flexboard.commandapi.web.CommandDispatcher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code POST /api/tenants}: creates a tenant and shows its first API key, once. */
@RestController
class TenantController {

    private final CommandDispatcher commands;

    TenantController(CommandDispatcher commands) {
        this.commands = commands;
    }

    record CreateTenantRequest(String name, String slug, String licenseType, Integer maxDashboards,
                               Integer maxWidgetsPerDashboard) {
    }

    @PostMapping("/api/tenants")
    Mono<ResponseEntity<Map<String, Object>>> create(@RequestBody CreateTenantRequest request, ServerWebExchange exchange) {
        String tenantId = UUID.randomUUID().toString();
        ApiKeys.NewKey key = ApiKeys.generate();
        CreateTenantCommand command = new CreateTenantCommand(tenantId, request.name(), request.slug(),
                request.licenseType(), request.maxDashboards(), request.maxWidgetsPerDashboard(), key.issued());
        return commands.send(exchange, tenantId, command, HttpStatus.CREATED, result -> {
            Map<String, Object> tenant = new LinkedHashMap<>();
            tenant.put("id", tenantId);
            tenant.put("name", request.name().strip());
            tenant.put("slug", request.slug());
            tenant.put("license_type", request.licenseType() == null ? TenantRules.DEFAULT_LICENSE_TYPE : request.licenseType());
            tenant.put("max_dashboards", request.maxDashboards() == null ? TenantRules.DEFAULT_MAX_DASHBOARDS : request.maxDashboards());
            tenant.put("max_widgets_per_dashboard", request.maxWidgetsPerDashboard() == null
                    ? TenantRules.DEFAULT_MAX_WIDGETS_PER_DASHBOARD : request.maxWidgetsPerDashboard());
            tenant.put("is_active", true);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("tenant", tenant);
            body.put("api_key", key.plainText());
            body.put("api_key_id", key.issued().keyId());
            return body;
        });
    }
}
