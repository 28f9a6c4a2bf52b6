package io.flexboard.commandapi.apikey;

import java.util.LinkedHashMap;
import java.util.Map;

import io.flexboard.commandapi.api.IssueApiKeyCommand;
import io.flexboard.commandapi.api.RevokeApiKeyCommand;
import io.flexboard.commandapi.openapi.IfMatch;
import io.flexboard.commandapi.web.CommandDispatcher;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Named API keys of a tenant: issue one (the key shown once, in the 201 answer) and revoke one. The
 * list is a read, served by query-api ({@code GET /api/tenants/:id/api-keys}).
 */
@RestController
class ApiKeyController {

    private final CommandDispatcher commands;

    ApiKeyController(CommandDispatcher commands) {
        this.commands = commands;
    }

    record IssueApiKeyRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100,
            description = "Unique (case-insensitively) among the tenant's live keys; no control or format characters")
                              String name) {
    }

    /** The 201 answer: the key itself appears only here. */
    record IssuedApiKeyAnswer(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "uuid") String id,
                              @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                              @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                      description = "The key's first characters, to recognise it; not a secret") String prefix,
                              @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                      description = "Shown once; stored only as a hash") String apiKey) {
    }

    @Operation(summary = "Issue a named API key to the tenant's agents (rotation: issue, deploy, revoke the old key)")
    @IfMatch
    @ApiResponse(responseCode = "201", description = "Issued; the API key is shown only in this answer",
            content = @Content(schema = @Schema(implementation = IssuedApiKeyAnswer.class)))
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "412", ref = "#/components/responses/PreconditionFailed")
    @PostMapping("/api/tenants/{tenantId}/api-keys")
    Mono<ResponseEntity<Map<String, Object>>> issue(@PathVariable String tenantId, @RequestBody IssueApiKeyRequest request,
                                                    ServerWebExchange exchange) {
        String tenant = CommandDispatcher.uuid(tenantId, "tenantId");
        ApiKeys.NewKey key = ApiKeys.generate();
        IssueApiKeyCommand command = new IssueApiKeyCommand(tenant, CommandDispatcher.expectedVersion(exchange),
                request.name(), key.issued());
        return commands.send(exchange, tenant, command, HttpStatus.CREATED, result -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", key.issued().keyId());
            body.put("name", request.name().strip()); // the aggregate accepted it, so it is the stored name
            body.put("prefix", key.issued().keyPrefix());
            body.put("api_key", key.plainText());
            return body;
        });
    }

    @Operation(summary = "Revoke an API key: every agent-bridge replica refuses it within 2 s and answers its parked syncs 401")
    @IfMatch
    @ApiResponse(responseCode = "204", description = "Revoked, or it already was (revoking twice answers the same)")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "412", ref = "#/components/responses/PreconditionFailed")
    @DeleteMapping("/api/tenants/{tenantId}/api-keys/{keyId}")
    Mono<ResponseEntity<Void>> revoke(@PathVariable String tenantId, @PathVariable String keyId, ServerWebExchange exchange) {
        String tenant = CommandDispatcher.uuid(tenantId, "tenantId");
        String key = CommandDispatcher.uuid(keyId, "keyId");
        return commands.send(exchange, tenant, new RevokeApiKeyCommand(tenant, CommandDispatcher.expectedVersion(exchange), key),
                HttpStatus.NO_CONTENT, nothing -> null);
    }
}
