package io.flexboard.foundation.security;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A service's check of an authenticated request, run after authentication and before any wait or handler
 * (e.g. agent-bridge's per-key rate limit): complete to admit, fail with a ProblemException to refuse.
 */
@FunctionalInterface
public interface RequestAdmission {

    Mono<Void> admit(ServerWebExchange exchange);
}
