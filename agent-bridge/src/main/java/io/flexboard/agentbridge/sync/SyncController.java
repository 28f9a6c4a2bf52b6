package io.flexboard.agentbridge.sync;

import io.flexboard.agentbridge.apikey.ApiKeyAuthentication;
import io.flexboard.foundation.consistency.ConsistencyToken;
import io.flexboard.foundation.consistency.ReadYourWrites;
import io.flexboard.foundation.correlation.RequestArrivalFilter;
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
    @ReadYourWrites
    public Mono<ResponseEntity<byte[]>> sync(@RequestBody SyncRequest request, ServerWebExchange exchange) {
        return Mono.defer(() -> syncService.sync(caller(exchange), request))
                .map(reply -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(reply.json()));
    }

    private static SyncCaller caller(ServerWebExchange exchange) {
        ApiKeyAuthentication key = ApiKeyAuthentication.of(exchange);
        return new SyncCaller(key.tenant(), key.keyHash(),
                exchange.getRequest().getHeaders().getFirst(ConsistencyToken.HEADER) != null,
                RequestArrivalFilter.arrivalNanos(exchange));
    }
}
