package io.flexboard.commandapi.tenant;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.flexboard.commandapi.api.ActivateTenantCommand;
import io.flexboard.commandapi.api.CreateTenantCommand;
import io.flexboard.commandapi.api.PauseTenantCommand;
import io.flexboard.commandapi.api.TenantStatus;
import io.flexboard.commandapi.apikey.ApiKeys;
import io.flexboard.commandapi.web.CommandDispatcher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Tenant commands: create a tenant (showing its first API key, once), pause it, activate it. */
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

    record PauseTenantRequest(String reason) {
    }

    @PostMapping("/api/tenants/{tenantId}/pause")
    Mono<ResponseEntity<Map<String, Object>>> pause(@PathVariable String tenantId,
                                                    @RequestBody(required = false) Mono<PauseTenantRequest> request,
                                                    ServerWebExchange exchange) {
        String tenant = CommandDispatcher.uuid(tenantId, "tenantId");
        Long expectedVersion = CommandDispatcher.expectedVersion(exchange);
        return request.defaultIfEmpty(new PauseTenantRequest(null)).flatMap(body -> commands.send(exchange, tenant,
                new PauseTenantCommand(tenant, expectedVersion, body.reason()), HttpStatus.OK,
                status -> statusBody(tenant, (TenantStatus) status)));
    }

    @PostMapping("/api/tenants/{tenantId}/activate")
    Mono<ResponseEntity<Map<String, Object>>> activate(@PathVariable String tenantId, ServerWebExchange exchange) {
        String tenant = CommandDispatcher.uuid(tenantId, "tenantId");
        return commands.send(exchange, tenant, new ActivateTenantCommand(tenant, CommandDispatcher.expectedVersion(exchange)),
                HttpStatus.OK, status -> statusBody(tenant, (TenantStatus) status));
    }

    /** The tenant's status as query-api shows it: {@code paused_reason} only while paused. */
    private static Map<String, Object> statusBody(String tenantId, TenantStatus status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant_id", tenantId);
        body.put("status", status.paused() ? "paused" : "active");
        if (status.paused()) {
            body.put("paused_reason", status.pausedReason());
        }
        return body;
    }
}
