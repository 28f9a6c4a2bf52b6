package io.flexboard.agentbridge.ratelimit;

import io.flexboard.agentbridge.apikey.ApiKeyAuthenticationFilter;
import io.flexboard.agentbridge.web.ProblemException;
import java.util.OptionalLong;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Refuses an authenticated key's request with 429 once its bucket is empty, before it may park anywhere. */
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
        OptionalLong retryAfter = limiter.tryAcquire(ApiKeyAuthenticationFilter.authenticatedKeyHash(exchange));
        if (retryAfter.isPresent()) {
            return Mono.error(ProblemException.rateLimited(
                    "Too many syncs with this API key; retry in " + retryAfter.getAsLong() + " s", retryAfter.getAsLong()));
        }
        return chain.filter(exchange);
    }
}
