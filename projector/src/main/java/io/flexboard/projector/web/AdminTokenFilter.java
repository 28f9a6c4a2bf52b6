package io.flexboard.projector.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Lets only the admin bearer token ({@code flexboard.admin-token}, the builder's and operators'
 * token of every service) reach the projector's {@code /api/**} (the ops API); health and metrics
 * stay open for probes and scrapes. Without a token configured the ops API refuses everyone: the
 * projector still projects, and no guessable default opens it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class AdminTokenFilter implements WebFilter {

    private static final String BEARER = "Bearer ";

    private final byte[] adminToken;

    AdminTokenFilter(@Value("${flexboard.admin-token:}") String adminToken) {
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        if (adminToken.length == 0) {
            return Mono.error(ProblemException.unauthorized(
                    "The projector has no flexboard.admin-token (FLEXBOARD_ADMIN_TOKEN): its ops API is closed"));
        }
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Mono.error(ProblemException.unauthorized("A bearer token is required"));
        }
        byte[] presented = authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        // Constant-time comparison so response timing does not reveal how much of the token matched.
        if (!MessageDigest.isEqual(presented, adminToken)) {
            return Mono.error(ProblemException.unauthorized("The bearer token is not valid"));
        }
        return chain.filter(exchange);
    }
}
