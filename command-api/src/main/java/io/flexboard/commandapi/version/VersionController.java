package io.flexboard.commandapi.version;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.flexboard.commandapi.api.PublishVersionCommand;
import io.flexboard.commandapi.api.RestoreVersionCommand;
import io.flexboard.commandapi.api.RestoredDraft;
import io.flexboard.commandapi.api.SaveDraftCommand;
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

/** Version commands: save the tenant's configuration as a draft, restore an earlier version as a draft, publish a draft. */
@RestController
class VersionController {

    private final CommandDispatcher commands;

    VersionController(CommandDispatcher commands) {
        this.commands = commands;
    }

    record SaveDraftRequest(@Schema(maxLength = 500) String message) {
    }

    /** The 201 answer's shape of a saved draft. */
    record DraftSaved(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid") String id,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid") String tenantId,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "1") long version,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = "draft") String status,
                      String message) {
    }

    @Operation(summary = "Save the tenant's dashboards and widgets as the next draft version")
    @IfMatch
    @ApiResponse(responseCode = "201", description = "Saved; Location names the version on query-api",
            content = @Content(schema = @Schema(implementation = DraftSaved.class)))
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "412", ref = "#/components/responses/PreconditionFailed")
    @PostMapping("/api/tenants/{tenantId}/versions")
    Mono<ResponseEntity<Map<String, Object>>> saveDraft(@PathVariable String tenantId,
                                                        @RequestBody(required = false) Mono<SaveDraftRequest> request,
                                                        ServerWebExchange exchange) {
        String tenant = CommandDispatcher.uuid(tenantId, "tenantId");
        Long expectedVersion = CommandDispatcher.expectedVersion(exchange);
        String versionId = UUID.randomUUID().toString();
        return request.defaultIfEmpty(new SaveDraftRequest(null)).flatMap(body -> commands.send(exchange, tenant,
                new SaveDraftCommand(tenant, expectedVersion, versionId, body.message()), HttpStatus.CREATED, number -> {
                    Map<String, Object> version = new LinkedHashMap<>();
                    version.put("id", versionId);
                    version.put("tenant_id", tenant);
                    version.put("version", number);
                    version.put("status", "draft");
                    version.put("message", body.message());
                    return version;
                })).map(response -> withLocation(response, tenant, versionId));
    }

    record RestoreVersionRequest(@Schema(maxLength = 500) String message) {
    }

    @Operation(summary = "Save an older version's dashboards and widgets as a new draft")
    @IfMatch
    @ApiResponse(responseCode = "201", description = "Restored as a new draft; Location names it on query-api")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "412", ref = "#/components/responses/PreconditionFailed")
    @PostMapping("/api/tenants/{tenantId}/versions/{versionId}/restore")
    Mono<ResponseEntity<Map<String, Object>>> restore(@PathVariable String tenantId, @PathVariable String versionId,
                                                      @RequestBody(required = false) Mono<RestoreVersionRequest> request,
                                                      ServerWebExchange exchange) {
        String tenant = CommandDispatcher.uuid(tenantId, "tenantId");
        String restoredId = CommandDispatcher.uuid(versionId, "versionId");
        Long expectedVersion = CommandDispatcher.expectedVersion(exchange);
        String newVersionId = UUID.randomUUID().toString();
        return request.defaultIfEmpty(new RestoreVersionRequest(null)).flatMap(body -> commands.send(exchange, tenant,
                new RestoreVersionCommand(tenant, expectedVersion, restoredId, newVersionId, body.message()),
                HttpStatus.CREATED, result -> {
                    RestoredDraft draft = (RestoredDraft) result;
                    Map<String, Object> version = new LinkedHashMap<>();
                    version.put("id", newVersionId);
                    version.put("tenant_id", tenant);
                    version.put("version", draft.version());
                    version.put("status", "draft");
                    version.put("message", body.message());
                    version.put("parent_version", draft.parentVersion());
                    version.put("restored_from", Map.of("id", restoredId, "version", draft.restoredFromVersion()));
                    return version;
                })).map(response -> withLocation(response, tenant, newVersionId));
    }

    @Operation(summary = "Publish a draft: the tenant's agents get it on their next sync")
    @IfMatch
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "412", ref = "#/components/responses/PreconditionFailed")
    @PostMapping("/api/tenants/{tenantId}/versions/{versionId}/publish")
    Mono<ResponseEntity<Map<String, Object>>> publish(@PathVariable String tenantId, @PathVariable String versionId,
                                                      ServerWebExchange exchange) {
        String tenant = CommandDispatcher.uuid(tenantId, "tenantId");
        PublishVersionCommand command = new PublishVersionCommand(tenant, CommandDispatcher.expectedVersion(exchange),
                CommandDispatcher.uuid(versionId, "versionId"));
        return commands.send(exchange, tenant, command, HttpStatus.OK,
                number -> Map.of("success", true, "published_version", number));
    }

    /** Where query-api answers the new version, once the read side has it (wait on the consistency token). */
    private static <T> ResponseEntity<T> withLocation(ResponseEntity<T> response, String tenantId, String versionId) {
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .location(URI.create("/api/tenants/" + tenantId + "/versions/" + versionId))
                .body(response.getBody());
    }
}
