package io.flexboard.commandapi.web;

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
 * Builder endpoints need {@code Authorization: Bearer <admin token>}. One shared token until roles
 * and SSO arrive; the actor it stands for is kept on the exchange for the events.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AdminTokenFilter implements WebFilter {

    private static final String ACTOR_ATTRIBUTE = AdminTokenFilter.class.getName() + ".actor";
    private static final String ADMIN_ACTOR = "admin";

    private final byte[] adminToken;

    AdminTokenFilter(@Value("${flexboard.admin-token:}") String adminToken) {
        if (adminToken.isBlank()) {
            throw new IllegalStateException("flexboard.admin-token (env FLEXBOARD_ADMIN_TOKEN) must be set");
        }
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Mono.error(ApiProblem.unauthorized("send Authorization: Bearer <admin token>"));
        }
        byte[] presented = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        // Constant-time comparison: the time taken says nothing about how much of the token matched.
        if (!MessageDigest.isEqual(presented, adminToken)) {
            return Mono.error(ApiProblem.unauthorized("the admin token is not valid"));
        }
        exchange.getAttributes().put(ACTOR_ATTRIBUTE, ADMIN_ACTOR);
        return chain.filter(exchange);
    }

    static String actorOf(ServerWebExchange exchange) {
        Object actor = exchange.getAttribute(ACTOR_ATTRIBUTE);
        return actor == null ? "anonymous" : actor.toString();
    }
}
