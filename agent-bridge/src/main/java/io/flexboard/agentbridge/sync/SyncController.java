package io.flexboard.agentbridge.sync;

import io.flexboard.agentbridge.apikey.ApiKeyAuthenticationFilter;
import io.flexboard.agentbridge.consistency.ConsistencyToken;
import io.flexboard.agentbridge.web.RequestArrivalFilter;
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
public class SyncController {

    private final SyncService syncService;

    public SyncController(SyncService syncService) {
        this.syncService = syncService;
    }

    @PostMapping(path = "/api/agent/sync", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<byte[]>> sync(@RequestBody SyncRequest request, ServerWebExchange exchange) {
        return Mono.defer(() -> syncService.sync(caller(exchange), request))
                .map(reply -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(reply.json()));
    }

    private static SyncCaller caller(ServerWebExchange exchange) {
        return new SyncCaller(ApiKeyAuthenticationFilter.authenticatedTenant(exchange),
                ApiKeyAuthenticationFilter.authenticatedKeyHash(exchange),
                exchange.getRequest().getHeaders().getFirst(ConsistencyToken.HEADER) != null,
                RequestArrivalFilter.arrivalNanos(exchange));
    }
}
