package io.flexboard.commandapi.version;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.flexboard.commandapi.api.PublishVersionCommand;
import io.flexboard.commandapi.api.SaveDraftCommand;
import io.flexboard.commandapi.web.CommandDispatcher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Version commands: save the tenant's configuration as a draft, publish a draft. */
@RestController
class VersionController {

    private final CommandDispatcher commands;

    VersionController(CommandDispatcher commands) {
        this.commands = commands;
    }

    record SaveDraftRequest(String message) {
    }

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
                }));
    }

    @PostMapping("/api/tenants/{tenantId}/versions/{versionId}/publish")
    Mono<ResponseEntity<Map<String, Object>>> publish(@PathVariable String tenantId, @PathVariable String versionId,
                                                      ServerWebExchange exchange) {
        String tenant = CommandDispatcher.uuid(tenantId, "tenantId");
        PublishVersionCommand command = new PublishVersionCommand(tenant, CommandDispatcher.expectedVersion(exchange),
                CommandDispatcher.uuid(versionId, "versionId"));
        return commands.send(exchange, tenant, command, HttpStatus.OK,
                number -> Map.of("success", true, "published_version", number));
    }
}
