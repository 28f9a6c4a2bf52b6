package io.flexboard.agentbridge.ratelimit;

import io.flexboard.agentbridge.apikey.ApiKeyAuthentication;
import io.flexboard.foundation.problem.ProblemException;
import io.flexboard.foundation.security.RequestAdmission;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Refuses an authenticated key's request with 429 once its bucket is empty, before it may park anywhere:
 * the foundation runs admissions after authentication (needs the key) and before consistency waits.
 */
@Component
public class RateLimitFilter implements RequestAdmission {

    private final SyncRateLimiter limiter;

    public RateLimitFilter(SyncRateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Mono<Void> admit(ServerWebExchange exchange) {
        OptionalLong retryAfter = limiter.tryAcquire(ApiKeyAuthentication.of(exchange).keyHash());
        if (retryAfter.isPresent()) {
            return Mono.error(ProblemException.rateLimited(
                    "Too many syncs with this API key; retry in " + retryAfter.getAsLong() + " s", retryAfter.getAsLong()));
        }
        return Mono.empty();
    }
}
