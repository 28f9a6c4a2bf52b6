package io.flexboard.agentbridge.sync;

import io.flexboard.agentbridge.apikey.ApiKeyAuthentication;
import io.flexboard.foundation.consistency.ConsistencyToken;
import io.flexboard.foundation.consistency.ReadYourWrites;
import io.flexboard.foundation.correlation.RequestArrivalFilter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * POST /api/agent/sync: the agents' only endpoint; thin on purpose, the decision is in SyncService.
 * The answer is pre-serialized JSON, written as is.
 */
@RestController
class SyncController {

    private final SyncService syncService;

    public SyncController(SyncService syncService) {
        this.syncService = syncService;
    }

    /** The answer's shape as documented; written from pre-serialized bytes (PublishedAnswer). */
    @Schema(name = "SyncAnswer")
    record SyncAnswerDocument(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean success,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) boolean hasUpdates,
                      @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0") long latestVersion,
                      @Schema(implementation = Map.class, description = "Only when has_updates: the published version's "
                              + "dashboards, widgets and config, as the agent applies them") Object metadata) {
    }

    @Operation(summary = "Sync: is a version newer than current_version published? At once, or long-polled with wait_seconds")
    @ApiResponse(responseCode = "200", description = "The latest published version; its metadata when it differs from current_version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SyncAnswerDocument.class)))
    @ApiResponse(responseCode = "403", ref = "#/components/responses/Forbidden")
    @ApiResponse(responseCode = "429", ref = "#/components/responses/TooManyRequests")
    @PostMapping(path = "/api/agent/sync", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ReadYourWrites
    public Mono<ResponseEntity<byte[]>> sync(@RequestBody SyncRequest request, ServerWebExchange exchange) {
        return Mono.defer(() -> syncService.sync(caller(exchange), request))
                .map(reply -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(reply.json()));
    }

    private static SyncCaller caller(ServerWebExchange exchange) {
        ApiKeyAuthentication key = ApiKeyAuthentication.of(exchange);
        return new SyncCaller(key.tenant(), key.keyHash(),
                exchange.getRequest().getHeaders().getFirst(ConsistencyToken.HEADER) != null,
                RequestArrivalFilter.arrivalNanos(exchange), Runnable::run);
    }
}
