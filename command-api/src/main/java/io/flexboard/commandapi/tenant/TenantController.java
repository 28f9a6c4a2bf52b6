package io.flexboard.commandapi.tenant;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.flexboard.commandapi.api.ActivateTenantCommand;
import io.flexboard.commandapi.api.CreateTenantCommand;
import io.flexboard.commandapi.api.PauseTenantCommand;
import io.flexboard.commandapi.api.PausedOrActive;
import io.flexboard.commandapi.apikey.ApiKeys;
import io.flexboard.commandapi.web.CommandDispatcher;
import io.flexboard.commandapi.openapi.IfMatch;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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

    record CreateTenantRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 200) String name,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64, pattern = "^[a-z0-9]+(-[a-z0-9]+)*$",
                                       description = "Unique among tenants") String slug,
                               @Schema(defaultValue = TenantRules.DEFAULT_LICENSE_TYPE, pattern = "^[a-z][a-z0-9-]{0,31}$") String licenseType,
                               @Schema(minimum = "1", maximum = "1000", defaultValue = "5") Integer maxDashboards,
                               @Schema(minimum = "1", maximum = "500") Integer maxWidgetsPerDashboard) {
    }

    /** The 201 answer's shape: the tenant and its first API key, shown only here. */
    record TenantCreated(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) CreatedTenant tenant,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Shown once; stored only as a hash") String apiKey,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid") String apiKeyId) {
    }

    /** The tenant as created. */
    record CreatedTenant(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid") String id,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String slug,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String licenseType,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int maxDashboards,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) int maxWidgetsPerDashboard,
                         @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean isActive) {
    }

    /** The answer of pause and activate: the tenant's status as query-api shows it. */
    record TenantStatusAnswer(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid") String tenantId,
                              @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"active", "paused"}) String status,
                              @Schema(description = "Only while paused") String pausedReason) {
    }

    @Operation(summary = "Create a tenant and its first API key")
    @ApiResponse(responseCode = "201", description = "Created; the API key is shown only in this answer",
            content = @Content(schema = @Schema(implementation = TenantCreated.class)))
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
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

    record PauseTenantRequest(@Schema(maxLength = 500) String reason) {
    }

    @Operation(summary = "Pause a tenant: its agents get 403 tenant-paused until it is activated")
    @IfMatch
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TenantStatusAnswer.class)))
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "412", ref = "#/components/responses/PreconditionFailed")
    @PostMapping("/api/tenants/{tenantId}/pause")
    Mono<ResponseEntity<Map<String, Object>>> pause(@PathVariable String tenantId,
                                                    @RequestBody(required = false) Mono<PauseTenantRequest> request,
                                                    ServerWebExchange exchange) {
        String tenant = CommandDispatcher.uuid(tenantId, "tenantId");
        Long expectedVersion = CommandDispatcher.expectedVersion(exchange);
        return request.defaultIfEmpty(new PauseTenantRequest(null)).flatMap(body -> commands.send(exchange, tenant,
                new PauseTenantCommand(tenant, expectedVersion, body.reason()), HttpStatus.OK,
                status -> statusBody(tenant, (PausedOrActive) status)));
    }

    @Operation(summary = "Activate a paused tenant")
    @IfMatch
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TenantStatusAnswer.class)))
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "412", ref = "#/components/responses/PreconditionFailed")
    @PostMapping("/api/tenants/{tenantId}/activate")
    Mono<ResponseEntity<Map<String, Object>>> activate(@PathVariable String tenantId, ServerWebExchange exchange) {
        String tenant = CommandDispatcher.uuid(tenantId, "tenantId");
        return commands.send(exchange, tenant, new ActivateTenantCommand(tenant, CommandDispatcher.expectedVersion(exchange)),
                HttpStatus.OK, status -> statusBody(tenant, (PausedOrActive) status));
    }

    /** The tenant's status as query-api shows it: {@code paused_reason} only while paused. */
    private static Map<String, Object> statusBody(String tenantId, PausedOrActive status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant_id", tenantId);
        body.put("status", status.paused() ? "paused" : "active");
        if (status.paused()) {
            body.put("paused_reason", status.pausedReason());
        }
        return body;
    }
}
