package io.flexboard.agentbridge.sync;

import io.flexboard.agentbridge.apikey.ApiKeyAuthenticationFilter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** POST /api/agent/sync: the agents' only endpoint; thin on purpose, the decision is in SyncService. */
@RestController
public class SyncController {

    private final SyncService syncService;

    public SyncController(SyncService syncService) {
        this.syncService = syncService;
    }

    @PostMapping(path = "/api/agent/sync", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<SyncResponse> sync(@RequestBody SyncRequest request, ServerWebExchange exchange) {
        return Mono.defer(() -> syncService.sync(ApiKeyAuthenticationFilter.authenticatedTenant(exchange), request));
    }
}
