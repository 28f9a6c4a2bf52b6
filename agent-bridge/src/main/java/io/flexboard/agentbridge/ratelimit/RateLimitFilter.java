package io.flexboard.agentbridge.ratelimit;

import io.flexboard.agentbridge.apikey.ApiKeyAuthentication;
import io.flexboard.foundation.security.RequestAdmission;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Refuses an authenticated key's request with 429 once the key's budget is spent, before its body is
 * read or it may park anywhere: the foundation runs admissions after authentication (needs the key) and
 * before consistency waits. The tighter budget per agent id needs the body: see SyncService.
 */
@Component
class RateLimitFilter implements RequestAdmission {

    private final SyncRateLimiter limiter;

    public RateLimitFilter(SyncRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Mono<Void> admit(ServerWebExchange exchange) {
        return Mono.fromRunnable(() -> limiter.acquireForKey(ApiKeyAuthentication.of(exchange).keyHash()));
    }
}
