package io.flexboard.agentbridge.ratelimit;

import io.flexboard.agentbridge.apikey.ApiKeyAuthenticationFilter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses an authenticated key's request with 429 once the key's budget is spent, before its body is
 * read or it may park anywhere. The tighter budget per agent id needs the body: see SyncService.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 25) // after authentication (needs the key), before consistency waits
public class RateLimitFilter implements WebFilter {

    private final SyncRateLimiter limiter;

    public RateLimitFilter(SyncRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return Mono.fromRunnable(() -> limiter.acquireForKey(ApiKeyAuthenticationFilter.authenticatedKeyHash(exchange)))
                .then(Mono.defer(() -> chain.filter(exchange)));
    }
}
